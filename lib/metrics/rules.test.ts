import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// promtool comes with Debian's prometheus package (scripts/test/system-deps.sh installs it).
describe("deploy/prometheus/alerts.yml", () => {
  it("is accepted by promtool check rules", () => {
    const file = path.resolve(import.meta.dirname, "../../deploy/prometheus/alerts.yml");
    const result = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
    expect(result.error, "promtool is missing: bash scripts/test/system-deps.sh installs it").toBeUndefined();
    expect(result.stderr).toBe("");
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/SUCCESS: 7 rules found/);
  });
});
