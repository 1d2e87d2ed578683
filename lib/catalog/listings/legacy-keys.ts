// Edition keys that revisions saved before money was named in minor units still carry, with
// today's name. Stored snapshots and diffs are never rewritten, so their readers map these. Apart
// from schema.ts because the change rows (./diff, in the admin's client bundle) read it too, and
// the schema's zod must stay out of the browser (its parsers use eval, which the admin's CSP refuses).
import type { EditionData } from "./schema";

export const LEGACY_EDITION_KEYS: Readonly<Record<string, keyof EditionData>> = {
  priceCents: "priceMinor", // keep-name: the key older snapshots were saved with
};
