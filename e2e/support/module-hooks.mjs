// Test-only loader hooks (e2e/support/record-modules.mjs registers them): every module URL the
// store resolves that belongs to OpenTelemetry's SDK is appended to RECORD_MODULES_FILE.
import { appendFileSync } from "node:fs";

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.RECORD_MODULES_FILE && /\/node_modules\/@opentelemetry\/(sdk|exporter)-/.test(resolved.url))
    appendFileSync(process.env.RECORD_MODULES_FILE, resolved.url + "\n");
  return resolved;
}
