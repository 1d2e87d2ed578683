import { describe, expect, it } from "vitest";
import { readShutdownSettings } from "./server.mjs";
import { registerShutdownTask, runShutdownTasks } from "./tasks.mjs";

describe("shutdown tasks", () => {
  it("close the database only after the batches that need it are written, traces last, even after a failure", async () => {
    const order: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        await new Promise((resolve) => setTimeout(resolve, name === "rate-limit batch" ? 20 : 0));
        order.push(name);
        if (fail) throw new Error(`${name} failed`);
      };
    // Registered in the order the parts happen to start, not the order they must stop in.
    registerShutdownTask("traces", "telemetry", step("traces"));
    registerShutdownTask("database", "close", step("database"));
    registerShutdownTask("rate-limit batch", "flush", step("rate-limit batch", true));
    registerShutdownTask("mail worker", "stop", step("mail worker"));
    const errors: string[] = [];
    const failed = await runShutdownTasks((task) => errors.push(task));
    expect(order).toEqual(["mail worker", "rate-limit batch", "database", "traces"]);
    expect(failed).toEqual(["rate-limit batch"]);
    expect(errors).toEqual(["rate-limit batch"]);
  });
});

describe("shutdown settings", () => {
  it("default to a 10 s bound and no drain, and name the variable when a value is not a number", () => {
    expect(readShutdownSettings({})).toEqual({ ok: true, timeoutMs: 10_000, drainMs: 0 });
    expect(readShutdownSettings({ SHUTDOWN_TIMEOUT_MS: "2500", SHUTDOWN_DRAIN_MS: " 3000 " })).toEqual({
      ok: true,
      timeoutMs: 2_500,
      drainMs: 3_000,
    });
    expect(readShutdownSettings({ SHUTDOWN_TIMEOUT_MS: "10s" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("SHUTDOWN_TIMEOUT_MS") as unknown,
    });
    expect(readShutdownSettings({ SHUTDOWN_DRAIN_MS: "-1" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("SHUTDOWN_DRAIN_MS") as unknown,
    });
  });
});
