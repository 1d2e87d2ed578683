import type { Metadata } from "next";
import { forbidden } from "next/navigation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

// Refused server actions land here: Next renders forbidden() thrown inside a no-JavaScript action
// as a 404, so the guard redirects to this page, which answers 403 with app/admin/forbidden.tsx.
export default function NotAllowedPage() {
  forbidden();
}
