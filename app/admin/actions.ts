"use server";
import { redirect } from "next/navigation";
import { requireSameOrigin, signOutStaff } from "@/lib/auth";

export async function signOutAction(): Promise<void> {
  await requireSameOrigin();
  await signOutStaff();
  redirect("/admin/sign-in?signed_out=1");
}
