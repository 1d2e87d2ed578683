// How the store writes a time for staff: UTC, minutes (or seconds), no "T" or "Z". The admin pages
// and the messages the catalog writes for them (a refused save names when the other one was made).

/** "2026-11-27 09:54 UTC" (with `seconds`: "2026-11-27 09:54:07 UTC"). */
export function utcTime(value: Date | string, { seconds = false } = {}): string {
  const iso = typeof value === "string" ? value : value.toISOString();
  return `${iso.replace("T", " ").slice(0, seconds ? 19 : 16)} UTC`;
}
