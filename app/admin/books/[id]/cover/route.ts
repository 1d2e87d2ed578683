import { readBoundedFormData } from "@/lib/api/body";
import { ApiProblem } from "@/lib/api/handler";
import { requireStaffForRoute } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { COVER_MAX_BYTES, deleteCover, uploadCover } from "@/lib/covers";

export const dynamic = "force-dynamic";

// The multipart envelope (boundaries, the other fields) adds well under this.
const ENVELOPE_BYTES = 64 * 1024;

// POST /admin/books/:id/cover - a plain multipart form (no JavaScript needed): uploads the book's
// cover (field `file`: JPEG, PNG or WebP, judged by content) or removes it (`intent=remove`), then
// answers 303 to the editor with a fixed notice code. A route handler rather than a server action,
// so an oversized file is refused as soon as it passes the cap (lib/api/body.ts).
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const bookId = Number(id);
  const valid = Number.isSafeInteger(bookId) && bookId > 0;
  const editor = `/admin/books/${valid ? bookId : ""}`;
  const access = await requireStaffForRoute(request, "editor", { signInNext: editor });
  if (!access.ok) return access.response;
  const back = (code: string) =>
    new Response(null, { status: 303, headers: { location: `${editor}?cover=${code}#cover` } });
  if (!valid) return back("no_book");

  let form: FormData;
  try {
    form = await readBoundedFormData(request, {
      maxBytes: COVER_MAX_BYTES + ENVELOPE_BYTES,
      deadlineMs: 60_000,
    });
  } catch (error) {
    if (error instanceof ApiProblem)
      return back(error.type === "payload_too_large" ? "too_large" : "no_file");
    return back("no_file");
  }
  const actor = { id: access.staff.id, ip: await requestIp() };
  if (form.get("intent") === "remove")
    return back((await deleteCover(bookId, actor)) ? "removed" : "no_book");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return back("no_file");
  if (file.size > COVER_MAX_BYTES) return back("too_large");
  return back(await uploadCover(bookId, new Uint8Array(await file.arrayBuffer()), actor));
}
