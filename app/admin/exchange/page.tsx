import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth";
import { CsvSections } from "./csv-section";
import { OnixSection } from "./onix-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import and export", robots: { index: false, follow: false } };

// One section per kind of exchange; each kind keeps its forms and routes in its own files.
export default async function ExchangePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("editor", { next: "/admin/exchange" });
  const params = await searchParams;
  return (
    <>
      <h1>Import and export</h1>
      <CsvSections uploadProblem={typeof params.csv_error === "string" ? params.csv_error : undefined} />
      <OnixSection />
    </>
  );
}
