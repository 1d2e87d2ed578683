// PATCH/DELETE /api/v1/books/:slug/editions/:id - change or remove an edition (token with catalog:write)
import { patchEdition, removeEdition } from "@/lib/api/book-writes";
import { apiWrite } from "@/lib/api/write";

export const dynamic = "force-dynamic";

export const PATCH = apiWrite(patchEdition);
export const DELETE = apiWrite(removeEdition);
