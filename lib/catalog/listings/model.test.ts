// model.ts is what the admin's client components import: nothing it reaches may load zod, whose
// parsers try eval, which the admin's Content-Security-Policy refuses in the browser (a violation
// the CSP e2e test sees only in a full build). Type-only imports vanish from the bundle.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;

function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (!specifier!.startsWith(".")) {
      seen.add(specifier!);
      continue;
    }
    runtimeImports(path.resolve(path.dirname(file), `${specifier}.ts`), seen);
  }
  return seen;
}

describe("the listing model for client components", () => {
  it("reaches no zod at run time", () => {
    const reached = runtimeImports(path.join(import.meta.dirname, "model.ts"));
    expect([...reached].filter((name) => name === "zod" || name.endsWith("schema.ts"))).toEqual([]);
    expect(reached.size).toBeGreaterThan(3);
  });
});
