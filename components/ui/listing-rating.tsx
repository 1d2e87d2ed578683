import { Stars } from "./stars";

/**
 * The source listing's own rating ("5 out of 5"). Labelled as the listing's, never presented as a
 * rating by this store's shoppers (DESIGN: it must not become an AggregateRating either).
 */
export function ListingRating({ text, className }: { text: string; className?: string }) {
  const value = Number.parseFloat(text);
  return (
    <p className={className}>
      <Stars value={Number.isFinite(value) ? value : 0} label={`Listing rating: ${text}`} />{" "}
      <span>
        {text} <span className="muted">(rating on the original listing)</span>
      </span>
    </p>
  );
}
