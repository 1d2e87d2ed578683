// POST /api/v1/books/:slug/editions - add an edition (token with catalog:write)
import { addEdition } from "@/lib/api/book-writes";
import { apiWrite } from "@/lib/api/write";

export const dynamic = "force-dynamic";

export const POST = apiWrite(addEdition);
