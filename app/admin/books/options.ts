import { AVAILABILITY_LABELS } from "@/lib/catalog/listings/model";
import { getListingOptions } from "@/lib/catalog/listings/service";
import { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "@/lib/catalog/shared";
import type { ListingFormOptions } from "./listing-form";

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
    availability: Object.entries(AVAILABILITY_LABELS).map(([value, label]) => ({ value, label })),
  };
}
