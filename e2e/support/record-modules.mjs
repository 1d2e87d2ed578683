// node --import ./e2e/support/record-modules.mjs …: records which OpenTelemetry SDK modules the
// process loads (e2e/runtime.spec.ts: with traces off, none).
import { register } from "node:module";

register("./module-hooks.mjs", import.meta.url);
