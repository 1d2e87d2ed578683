import { requireStaffForRoute } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { deleteEbookFile, EBOOK_MAX_BYTES, uploadEbookFile } from "@/lib/ebooks";
import { readBoundedFormData } from "@/lib/api/body";
import { ApiProblem } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

// The multipart envelope (boundaries, the other fields) adds well under this.
const ENVELOPE_BYTES = 64 * 1024;

// POST /admin/books/:id/ebook-files - a plain multipart form (no JavaScript needed): uploads the
// file of one ebook edition (field `file`), or removes it (`intent=remove`), then answers 303 to
// the editor with a fixed notice code. A route handler rather than a server action, so an
// oversized file is refused as soon as it passes the cap (lib/api/body.ts).
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const bookId = Number(id);
  const editor = `/admin/books/${Number.isSafeInteger(bookId) && bookId > 0 ? bookId : ""}`;
  const access = await requireStaffForRoute(request, "editor", { signInNext: editor });
  if (!access.ok) return access.response;
  const back = (code: string) =>
    new Response(null, { status: 303, headers: { location: `${editor}?ebook=${code}#ebook-files` } });
  if (!Number.isSafeInteger(bookId) || bookId < 1) return back("not_ebook_edition");

  let form: FormData;
  try {
    form = await readBoundedFormData(request, {
      maxBytes: EBOOK_MAX_BYTES + ENVELOPE_BYTES,
      deadlineMs: 120_000,
    });
  } catch (error) {
    if (error instanceof ApiProblem)
      return back(error.type === "payload_too_large" ? "too_large" : "no_file");
    return back("no_file");
  }
  const editionId = Number(form.get("editionId"));
  if (!Number.isSafeInteger(editionId) || editionId < 1) return back("not_ebook_edition");
  const actor = { id: access.staff.id, ip: await requestIp() };
  if (form.get("intent") === "remove")
    return back((await deleteEbookFile(bookId, editionId, actor)) ? "removed" : "not_ebook_edition");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return back("no_file");
  const outcome = await uploadEbookFile(
    bookId,
    editionId,
    { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    actor,
  );
  return back(outcome);
}
