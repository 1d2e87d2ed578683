// GET /api/v1/openapi.json - the OpenAPI 3.1 document, generated from the zod schemas
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";

// Dynamic: the server URL inside comes from SITE_URL at run time, not at build time.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(getEnv().SITE_URL), {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=3600" },
  });
}
