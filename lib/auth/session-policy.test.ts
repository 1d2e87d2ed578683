import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  absoluteExpiry,
  cookieMaxAgeSeconds,
  sessionState,
  shouldTouch,
} from "./session-policy";

const t0 = new Date("2030-01-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const fresh = () => ({ lastSeenAt: t0, expiresAt: absoluteExpiry(t0), revokedAt: null });

describe("session expiry", () => {
  it("uses a 2 h idle and a 12 h absolute limit", () => {
    expect(IDLE_TIMEOUT_MS).toBe(2 * 3600_000);
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 3600_000);
    expect(absoluteExpiry(t0).toISOString()).toBe("2030-01-01T20:00:00.000Z");
  });

  it("is active until the idle limit, then idle", () => {
    expect(sessionState(fresh(), at(IDLE_TIMEOUT_MS - 1))).toBe("active");
    expect(sessionState(fresh(), at(IDLE_TIMEOUT_MS))).toBe("idle");
  });

  it("expires at the absolute limit even when used a moment ago", () => {
    const busy = { ...fresh(), lastSeenAt: at(ABSOLUTE_TIMEOUT_MS - 1000) };
    expect(sessionState(busy, at(ABSOLUTE_TIMEOUT_MS - 1))).toBe("active");
    expect(sessionState(busy, at(ABSOLUTE_TIMEOUT_MS))).toBe("expired");
  });

  it("is dead once revoked", () => {
    expect(sessionState({ ...fresh(), revokedAt: t0 }, t0)).toBe("revoked");
  });

  it("refreshes lastSeenAt at most once a minute", () => {
    expect(shouldTouch(t0, at(59_999))).toBe(false);
    expect(shouldTouch(t0, at(60_000))).toBe(true);
  });

  it("gives the cookie the session's remaining absolute lifetime", () => {
    expect(cookieMaxAgeSeconds(absoluteExpiry(t0), t0)).toBe(12 * 3600);
    expect(cookieMaxAgeSeconds(t0, at(5000))).toBe(0);
  });
});
