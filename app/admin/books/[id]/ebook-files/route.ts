import { requireStaffForRoute } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { deleteEbookFile, EBOOK_MAX_BYTES, uploadEbookFile } from "@/lib/ebooks";
import { readBodyUpTo } from "@/lib/ebooks/request-body";

export const dynamic = "force-dynamic";

// The multipart envelope (boundaries, the other fields) adds well under this.
const ENVELOPE_BYTES = 64 * 1024;

// POST /admin/books/:id/ebook-files - a plain multipart form (no JavaScript needed): uploads the
// file of one ebook edition (field `file`), or removes it (`intent=remove`), then answers 303 to
// the editor with a fixed notice code. A route handler rather than a server action, so an
// oversized file is refused from its Content-Length before the body is read.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const bookId = Number(id);
  const editor = `/admin/books/${Number.isSafeInteger(bookId) && bookId > 0 ? bookId : ""}`;
  const access = await requireStaffForRoute(request, "editor", { signInNext: editor });
  if (!access.ok) return access.response;
  const back = (code: string) =>
    new Response(null, { status: 303, headers: { location: `${editor}?ebook=${code}#ebook-files` } });
  if (!Number.isSafeInteger(bookId) || bookId < 1) return back("not_ebook_edition");

  const body = await readBodyUpTo(request, EBOOK_MAX_BYTES + ENVELOPE_BYTES);
  if (!body) return back("too_large");
  let form: FormData;
  try {
    form = await new Response(body, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
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
