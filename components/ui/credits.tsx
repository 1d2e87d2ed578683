import Link from "next/link";
import type { ContributorCredit } from "@/lib/catalog/shared";
import { MarkedText } from "./search-snippet";

/**
 * Contributors exactly as credited, each with their role: "Sandeep Balakrishna (Author)".
 * `markedNames` (a search hit's) are the names in the same order with the matched words marked.
 */
export function Credits({
  credits,
  linked = false,
  markedNames,
}: {
  credits: ContributorCredit[];
  linked?: boolean;
  markedNames?: string[];
}) {
  if (credits.length === 0) return null;
  return (
    <>
      {credits.map((credit, i) => {
        const marked = markedNames?.[i];
        const name = marked ? <MarkedText text={marked} /> : credit.name;
        return (
          <span key={`${credit.slug}-${credit.role}`}>
            {i > 0 ? ", " : "by "}
            {linked ? <Link href={`/contributors/${credit.slug}`}>{name}</Link> : name}{" "}
            <span className="role">({credit.roleLabel})</span>
          </span>
        );
      })}
    </>
  );
}

/** The first credited name, for cover bylines. */
export function primaryName(credits: ContributorCredit[]): string | null {
  return credits[0]?.name ?? null;
}
