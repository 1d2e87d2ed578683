import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Structured data for crawlers; the JSON is escaped so no text can close the script tag. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
