/** Digits after the decimal point for a currency (2 for USD and EUR, 0 for JPY, 3 for KWD). */
export function currencyFractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Formats an amount in minor units (cents for USD) for display: formatMoney(3999, "USD") -> "$39.99". */
export function formatMoney(minorUnits: number, currency: string, locale = "en-US"): string {
  if (!Number.isInteger(minorUnits))
    throw new RangeError(`Amount must be whole minor units, got ${minorUnits}`);
  const digits = currencyFractionDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minorUnits / 10 ** digits);
}

/** The decimal string schema.org and feeds want: toDecimalString(3999, "USD") -> "39.99". */
export function toDecimalString(minorUnits: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  const sign = minorUnits < 0 ? "-" : "";
  const abs = Math.abs(minorUnits);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/**
 * Parses a typed price ("39.99", "$1,299.5") to minor units; null when it is not a price. A comma
 * separates thousands only ("1,299"): "19,90" is refused rather than read as 1,990.
 */
export function parseMoney(input: string, currency: string): number | null {
  const trimmed = input.trim().replace(/^[^\d-]+/, "");
  if (trimmed.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed)) return null;
  const cleaned = trimmed.replace(/,/g, "");
  const digits = currencyFractionDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(value) ? value : null;
}
