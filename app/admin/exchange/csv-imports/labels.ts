import type { ImportJobView } from "@/lib/catalog/exchange";

export const IMPORT_STATUS_LABELS: Record<ImportJobView["status"], string> = {
  validating: "Checking (dry run)",
  validated: "Checked: ready to apply",
  invalid: "Has errors: nothing changed",
  applying: "Applying",
  applied: "Applied",
  failed: "Failed: nothing changed",
};
