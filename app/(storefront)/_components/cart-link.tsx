"use client";
// The header's cart link. The count is fetched after load from /api/cart/summary, so pages that
// include the header (cached product pages among them) read no cookie while rendering. Without
// JavaScript it stays the plain "Cart" link. It refetches after every navigation and whenever
// the cart page announces a new count (CART_COUNT_EVENT).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { plural } from "@/lib/plural";

export const CART_COUNT_EVENT = "bookstore:cart-count";

export function CartLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/cart/summary", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ itemCount: number }>) : null))
      .then((summary) => {
        if (summary) setCount(summary.itemCount);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [pathname]);

  useEffect(() => {
    const onCount = (event: Event) => setCount((event as CustomEvent<number>).detail);
    window.addEventListener(CART_COUNT_EVENT, onCount);
    return () => window.removeEventListener(CART_COUNT_EVENT, onCount);
  }, []);

  return (
    <Link href="/cart" className={className}>
      Cart
      {count ? (
        <>
          {" "}
          <span data-testid="cart-count">{count}</span>
          <span className="visually-hidden"> {plural(count, { one: "item", other: "items" })}</span>
        </>
      ) : null}
    </Link>
  );
}

/** Rendered by the cart page: tells the header the count it just computed. */
export function CartCountAnnouncer({ count }: { count: number }) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent(CART_COUNT_EVENT, { detail: count }));
  }, [count]);
  return null;
}
