import { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "@/lib/catalog";
import { getListingOptions } from "@/lib/catalog/admin";
import type { ListingFormOptions } from "./listing-form";

const AVAILABILITY = [
  { value: "in_stock", label: "In stock" },
  { value: "preorder", label: "Pre-order" },
  { value: "out_of_stock", label: "Out of stock" },
  { value: "discontinued", label: "Discontinued" },
];

export async function listingFormOptions(): Promise<ListingFormOptions> {
  const { categories, series } = await getListingOptions();
  return {
    categories,
    series,
    roles: Object.entries(CONTRIBUTOR_ROLES).map(([value, r]) => ({
      value,
      label: `${r.label} (${r.onixCode})`,
    })),
    formats: Object.entries(EDITION_FORMATS).map(([value, f]) => ({ value, label: f.label })),
    availability: AVAILABILITY,
  };
}
