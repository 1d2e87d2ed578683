"use server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import {
  MODERATION_DECISIONS,
  MODERATION_STATUSES,
  moderateRatingAsStaff,
  type ModerationDecision,
} from "@/lib/catalog/ratings/service";
import { AppError } from "@/lib/errors";
import { repeatedField, textField } from "@/lib/form-data";

const RATINGS = "/admin/ratings";

function isDecision(value: string): value is ModerationDecision {
  return (MODERATION_DECISIONS as readonly string[]).includes(value);
}

/** Back to the queue page the decision was made on, saying what happened. */
function backTo(formData: FormData, notice: Record<string, string>): never {
  const params = new URLSearchParams();
  const status = textField(formData, "status");
  const page = textField(formData, "page");
  if ((MODERATION_STATUSES as readonly string[]).includes(status)) params.set("status", status);
  if (/^\d{1,5}$/.test(page) && page !== "1") params.set("page", page);
  for (const [key, value] of Object.entries(notice)) params.set(key, value);
  redirect(`${RATINGS}?${params.toString()}`);
}

export async function moderateRatingAction(formData: FormData): Promise<void> {
  const staff = await requireStaff("editor", { next: RATINGS, mutation: true });
  const ratingId = Number(textField(formData, "ratingId"));
  const decision = textField(formData, "decision");
  // The queue's status and page come back with every decision; a post without them is not the form's.
  const queue = textField(formData, "status");
  const page = textField(formData, "page");
  const fromQueue = (MODERATION_STATUSES as readonly string[]).includes(queue) && /^\d{1,5}$/.test(page);
  if (
    repeatedField(formData) ||
    !fromQueue ||
    !Number.isInteger(ratingId) ||
    ratingId <= 0 ||
    !isDecision(decision)
  ) {
    backTo(formData, { error: "bad_request" });
  }
  try {
    const result = await moderateRatingAsStaff({ id: staff.id, ip: await requestIp() }, ratingId, decision);
    backTo(formData, { done: decision, rating: String(result.ratingId), book: result.bookSlug });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") backTo(formData, { error: "not_found" });
    throw error;
  }
}
