"use server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { sendAgain } from "@/lib/mail";
import { repeatedField, textField } from "@/lib/form-data";

// A failed email goes back in the queue with a fresh set of attempts.
export async function sendAgainAction(formData: FormData): Promise<void> {
  const id = Number(textField(formData, "id"));
  const valid = Number.isSafeInteger(id) && id > 0;
  const page = valid ? `/admin/emails/${id}` : "/admin/emails";
  const staff = await requireStaff("admin", { next: page, mutation: true });
  if (!valid || repeatedField(formData) || !(await sendAgain(id, { id: staff.id, ip: await requestIp() })))
    redirect(page);
  redirect(`${page}?requeued=1`);
}
