import Link from "next/link";
import type { ContributorCredit } from "@/lib/catalog/types";

/** Contributors exactly as credited, each with their role: "Sandeep Balakrishna (Author)". */
export function Credits({ credits, linked = false }: { credits: ContributorCredit[]; linked?: boolean }) {
  if (credits.length === 0) return null;
  return (
    <>
      {credits.map((credit, i) => (
        <span key={`${credit.slug}-${credit.role}`}>
          {i > 0 ? ", " : "by "}
          {linked ? <Link href={`/contributors/${credit.slug}`}>{credit.name}</Link> : credit.name}{" "}
          <span className="role">({credit.roleLabel})</span>
        </span>
      ))}
    </>
  );
}

/** The first credited name, for cover bylines. */
export function primaryName(credits: ContributorCredit[]): string | null {
  return credits[0]?.name ?? null;
}
