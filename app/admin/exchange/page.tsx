import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth";
import { OnixSection } from "./onix-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import and export", robots: { index: false, follow: false } };

export default async function ExchangePage() {
  await requireStaff(undefined, { next: "/admin/exchange" });
  return (
    <>
      <h1>Import and export</h1>
      <OnixSection />
    </>
  );
}
