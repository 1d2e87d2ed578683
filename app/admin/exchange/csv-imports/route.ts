import { after } from "next/server";
import { readBoundedFormData } from "@/lib/api/body";
import { ApiProblem } from "@/lib/api/handler";
import { requireStaffForRoute } from "@/lib/auth";
import { CSV_IMPORT_MAX_BYTES, startCsvImport, validateCsvImport } from "@/lib/catalog/exchange/service";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });
const back = (problem: string) => seeOther(`/admin/exchange?${new URLSearchParams({ csv_error: problem })}`);

// POST /admin/exchange/csv-imports - a plain multipart form upload (no JavaScript needed): stores
// the file as an import job, answers 303 to its page, and runs the dry run after the response.
// A route handler rather than a server action, so a file over the cap gets a clear message
// instead of Next's body-size error. The body is read with a counter (the multipart envelope adds
// a few hundred bytes to the file) and parsed only once it is known to be within the cap.
const MAX_UPLOAD_BYTES = CSV_IMPORT_MAX_BYTES + 64 * 1024;
export async function POST(request: Request) {
  const access = await requireStaffForRoute(request, "editor", { signInNext: "/admin/exchange" });
  if (!access.ok) return access.response;
  let file: FormDataEntryValue | null = null;
  try {
    file = (await readBoundedFormData(request, { maxBytes: MAX_UPLOAD_BYTES, deadlineMs: 120_000 })).get(
      "file",
    );
  } catch (error) {
    if (error instanceof ApiProblem)
      return back(error.type === "payload_too_large" ? "too_large" : "incomplete");
    return back("no_file");
  }
  if (!(file instanceof File) || file.size === 0) return back("no_file");
  if (file.size > CSV_IMPORT_MAX_BYTES) return back("too_large");
  const started = await startCsvImport(access.staff.id, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!started.ok) return back(started.problem);
  after(() => validateCsvImport(started.id));
  return seeOther(`/admin/exchange/csv-imports/${started.id}`);
}
