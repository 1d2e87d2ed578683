"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { applyCsvImport, confirmCsvImport } from "@/lib/catalog/exchange/service";
import { repeatedField, textField } from "@/lib/form-data";

// Confirms a dry-run CSV import: the job moves to "applying" (once: a second press or another
// tab finds it no longer waiting) and its one transaction runs after the response; the job's
// page shows its progress.
export async function applyCsvImportAction(formData: FormData): Promise<void> {
  const id = Number(textField(formData, "importId"));
  const page = `/admin/exchange/csv-imports/${Number.isInteger(id) && id > 0 ? id : 0}`;
  const staff = await requireStaff("editor", { next: page, mutation: true });
  if (!repeatedField(formData) && Number.isInteger(id) && id > 0 && (await confirmCsvImport(id, staff.id))) {
    const actor = { id: staff.id, ip: await requestIp() };
    after(() => applyCsvImport(id, actor));
  }
  redirect(page);
}
