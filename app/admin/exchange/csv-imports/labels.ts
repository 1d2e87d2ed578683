import type { ImportJobView } from "@/lib/catalog/exchange/service";

const IMPORT_STATUS_LABELS: Record<ImportJobView["status"], string> = {
  validating: "Checking (dry run)",
  validated: "Checked: ready to apply",
  invalid: "Has errors: nothing changed",
  applying: "Applying",
  applied: "Applied",
  failed: "Failed: nothing changed",
};

/** A job's status in words; a checked file that would change no book says so. */
export function importStatusLabel(job: Pick<ImportJobView, "status" | "counts">): string {
  if (job.status === "validated" && job.counts.create + job.counts.update === 0) {
    return "Checked: nothing to change";
  }
  return IMPORT_STATUS_LABELS[job.status];
}
