"use server";
// Print fulfilment from the order page: mark the parcel shipped (admins only). useActionState
// under a plain form: without JavaScript the server renders the field messages.
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { shipOrder, type ShipmentErrors } from "@/lib/checkout/orders/service";
import { formFields, repeatedField, textField } from "@/lib/form-data";

export interface ShipState {
  errors: ShipmentErrors;
  values: { carrier: string; trackingNumber: string };
}

export async function markShippedAction(_previous: ShipState, formData: FormData): Promise<ShipState> {
  const orderId = textField(formData, "orderId");
  const page = `/admin/orders/${encodeURIComponent(orderId)}`;
  const staff = await requireStaff("admin", { next: page, mutation: true });
  if (repeatedField(formData)) {
    return {
      errors: { form: "That request was not understood; nothing changed." },
      values: {
        carrier: textField(formData, "carrier"),
        trackingNumber: textField(formData, "trackingNumber"),
      },
    };
  }
  const result = await shipOrder(orderId, formFields(formData, ["carrier", "trackingNumber"]), {
    id: staff.id,
    ip: await requestIp(),
  });
  if (result.ok) redirect(`${page}?shipped=1`);
  return {
    errors: result.errors,
    values: {
      carrier: textField(formData, "carrier"),
      trackingNumber: textField(formData, "trackingNumber"),
    },
  };
}
