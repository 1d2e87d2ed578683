import type { Metadata } from "next";
import Link from "next/link";
import { BookCover } from "@/components/ui/book-cover";
import { formatMoney } from "@/lib/catalog/shared";
import {
  formatTaxRate,
  getCurrentCart,
  CART_NOTICES,
  isCartNotice,
  isErrorNotice,
} from "@/lib/checkout/cart/service";
import { titleLang } from "@/lib/site";
import { CartCountAnnouncer } from "../_components/cart-link";
import { checkoutAction, removeFromCartAction, setCountryAction, updateQuantityAction } from "./actions";
import styles from "./cart.module.css";
import { plural } from "@/lib/plural";
import charges from "./charges.module.css";

// Per shopper, always live prices.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your cart",
  robots: { index: false, follow: true },
  alternates: { canonical: "/cart" },
};

interface Props {
  searchParams: Promise<{ notice?: string | string[]; added?: string | string[] }>;
}

export default async function CartPage({ searchParams }: Props) {
  const { notice, added } = await searchParams;
  const cart = await getCurrentCart();
  // The book just added (or found already there), when it is in this cart: named, with a way back.
  const addedLine =
    (notice === "added" || notice === "already-in-cart") && typeof added === "string"
      ? cart.lines.find((l) => String(l.editionId) === added)
      : undefined;
  const message =
    isCartNotice(notice) && !addedLine ? { text: CART_NOTICES[notice], error: isErrorNotice(notice) } : null;
  const changed = cart.lines.filter((l) => l.available && l.priceChanged);
  const unavailable = cart.lines.some((l) => !l.available);

  return (
    <div className={`container ${styles.page}`}>
      <CartCountAnnouncer count={cart.itemCount} />
      <h1>Your cart</h1>
      {message ? (
        <p className={message.error ? styles.error : styles.notice} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      {addedLine ? (
        <div className={styles.added} role="status">
          <p>
            {notice === "added" ? "Added to your cart: " : "Already in your cart: "}
            <strong lang={titleLang(addedLine.languages)}>{addedLine.bookTitle}</strong> (
            {addedLine.formatName}
            {addedLine.quantity > 1 ? `, ${addedLine.quantity} copies` : ""}).
            {notice === "already-in-cart" ? " Ebooks and audiobooks are one copy per order." : null}
          </p>
          <p className={styles.addedActions}>
            <Link href={`/books/${addedLine.bookSlug}`} className="button button-secondary">
              Continue shopping
            </Link>
            <a href="#checkout" className={styles.addedCheckout}>
              Go to checkout
            </a>
          </p>
        </div>
      ) : null}
      {changed.length > 0 ? (
        <div className={styles.warning} role="status">
          <p>
            Prices have changed since you added{" "}
            {plural(changed.length, { one: "this item", other: "these items" })}:
          </p>
          <ul>
            {changed.map((line) => (
              <li key={line.editionId}>
                {line.bookTitle} ({line.formatName}): was{" "}
                {formatMoney(line.priceMinorWhenAdded, line.currency)}, now{" "}
                {formatMoney(line.unitPriceMinor, line.currency)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {cart.lines.length === 0 ? (
        <div className={styles.empty}>
          <p>Your cart is empty.</p>
          <p>
            <Link href="/" className="button">
              Browse the books
            </Link>
          </p>
        </div>
      ) : (
        <>
          <ul className={styles.lines} aria-label="Items in your cart">
            {cart.lines.map((line) => {
              const quantityId = `cart-quantity-${line.editionId}`;
              const lang = titleLang(line.languages);
              return (
                <li key={line.editionId} className={styles.line}>
                  <Link
                    href={`/books/${line.bookSlug}`}
                    className={styles.thumb}
                    tabIndex={-1}
                    aria-hidden="true"
                  >
                    <BookCover
                      slug={line.bookSlug}
                      title={line.bookTitle}
                      subtitle={line.bookSubtitle}
                      byline={line.byline}
                      categorySlugs={line.categorySlugs}
                      lang={lang}
                      decorative
                    />
                  </Link>
                  <div className={styles.info}>
                    <h2 className={styles.title}>
                      <Link href={`/books/${line.bookSlug}`} lang={lang}>
                        {line.bookTitle}
                      </Link>
                    </h2>
                    <p className={styles.format}>{line.formatName}</p>
                    <p>
                      <span className="visually-hidden">Unit price: </span>
                      {formatMoney(line.unitPriceMinor, line.currency)} each
                    </p>
                    {line.available ? null : <p className={styles.errorText}>No longer available</p>}
                  </div>
                  <div className={styles.controls}>
                    {line.maxQuantity > 1 ? (
                      <form action={updateQuantityAction} className={styles.quantity}>
                        <input type="hidden" name="editionId" value={line.editionId} />
                        <label htmlFor={quantityId}>
                          Quantity<span className="visually-hidden"> of {line.bookTitle}</span>
                        </label>
                        <input
                          id={quantityId}
                          name="quantity"
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={line.maxQuantity}
                          defaultValue={line.quantity}
                          required
                        />
                        <button type="submit" className={styles.secondary}>
                          Update<span className="visually-hidden"> quantity of {line.bookTitle}</span>
                        </button>
                      </form>
                    ) : (
                      <p className={styles.fixedQuantity}>Quantity: 1</p>
                    )}
                    <form action={removeFromCartAction}>
                      <input type="hidden" name="editionId" value={line.editionId} />
                      <button type="submit" className={styles.link}>
                        Remove<span className="visually-hidden"> {line.bookTitle}</span>
                      </button>
                    </form>
                  </div>
                  <p className={styles.lineTotal}>
                    <span className="visually-hidden">Line total: </span>
                    {formatMoney(line.lineTotalMinor, line.currency)}
                  </p>
                </li>
              );
            })}
          </ul>
          <div className={styles.summary}>
            <p className={styles.subtotal}>
              Subtotal ({plural(cart.itemCount, { one: "# item", other: "# items" })}):{" "}
              <strong data-testid="cart-subtotal">{formatMoney(cart.subtotalMinor, cart.currency)}</strong>
            </p>
            {/* Shipping and tax depend on where the order goes: a plain form, no JavaScript needed. */}
            <form action={setCountryAction} className={charges.destination}>
              <label>
                {cart.needsShipping ? "Ship to" : "Your country (for tax)"}
                <select name="country" defaultValue={cart.country} autoComplete="shipping country">
                  {cart.countries.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">Update</button>
            </form>
            <dl className={charges.charges} aria-label="Order total">
              <dt>
                Shipping{" "}
                <span className="muted">({cart.needsShipping ? cart.shippingZone : "ebooks only"})</span>
              </dt>
              <dd data-testid="cart-shipping">{formatMoney(cart.shippingMinor, cart.currency)}</dd>
              <dt>
                Tax <span className="muted">({formatTaxRate(cart.taxRateBasisPoints)})</span>
              </dt>
              <dd data-testid="cart-tax">{formatMoney(cart.taxMinor, cart.currency)}</dd>
              <dt className={charges.total}>Total</dt>
              <dd className={charges.total} data-testid="cart-total">
                {formatMoney(cart.totalMinor, cart.currency)}
              </dd>
            </dl>
            <p className="muted">Prices are checked again when you check out.</p>
            <form action={checkoutAction} id="checkout">
              <button type="submit" className="button" disabled={unavailable}>
                Checkout
              </button>
            </form>
          </div>
        </>
      )}
    </div>
  );
}
