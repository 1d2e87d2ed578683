import { describe, expect, it } from "vitest";
import { decideMetricsAccess, metricsAccessRule } from "./access.mjs";

const TOKEN = "a-metrics-token-of-some-length";
const from = (remoteAddress: string, authorization?: string, forwarded = false) => ({
  remoteAddress,
  authorization,
  forwarded,
});

describe("who may read /metrics", () => {
  it("by default: loopback yes, any other address no, and no token can help", () => {
    const rule = metricsAccessRule({});
    expect(decideMetricsAccess(rule, from("127.0.0.1"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("::1"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("::ffff:127.0.0.1"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("10.1.2.3"))).toMatchObject({ allowed: false, status: 403 });
    expect(decideMetricsAccess(rule, from("10.1.2.3", `Bearer ${TOKEN}`))).toMatchObject({ status: 403 });
    expect(decideMetricsAccess(rule, from("203.0.113.9"))).toMatchObject({ status: 403 });
  });

  it("with a token: other addresses get in with it and only with it", () => {
    const rule = metricsAccessRule({ METRICS_TOKEN: TOKEN });
    expect(decideMetricsAccess(rule, from("203.0.113.9", `Bearer ${TOKEN}`))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("203.0.113.9", `bearer  ${TOKEN} `))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("203.0.113.9"))).toMatchObject({ allowed: false, status: 401 });
    for (const wrong of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
      "Bearer ",
    ]) {
      expect(decideMetricsAccess(rule, from("203.0.113.9", wrong)), wrong).toMatchObject({ status: 401 });
    }
    expect(decideMetricsAccess(rule, from("127.0.0.1"))).toEqual({ allowed: true });
  });

  it("a request through a proxy is judged by its token, not by the proxy's address", () => {
    const rule = metricsAccessRule({ METRICS_TOKEN: TOKEN });
    expect(decideMetricsAccess(rule, from("127.0.0.1", undefined, true))).toMatchObject({ status: 401 });
    expect(decideMetricsAccess(rule, from("127.0.0.1", `Bearer ${TOKEN}`, true))).toEqual({ allowed: true });
    expect(decideMetricsAccess(metricsAccessRule({}), from("127.0.0.1", undefined, true))).toMatchObject({
      status: 403,
    });
  });

  it("METRICS_ALLOW_FROM lists the store's networks, or none", () => {
    const rule = metricsAccessRule({ METRICS_ALLOW_FROM: "10.0.0.0/8, fd00::/8,192.168.1.7" });
    expect(decideMetricsAccess(rule, from("10.20.30.40"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("fd12::1"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("192.168.1.7"))).toEqual({ allowed: true });
    expect(decideMetricsAccess(rule, from("192.168.1.8"))).toMatchObject({ status: 403 });
    expect(decideMetricsAccess(rule, from("11.0.0.1"))).toMatchObject({ status: 403 });
    // The list replaces the default: loopback is in only when listed.
    expect(decideMetricsAccess(rule, from("127.0.0.1"))).toMatchObject({ status: 403 });
    const none = metricsAccessRule({ METRICS_ALLOW_FROM: "none", METRICS_TOKEN: TOKEN });
    expect(decideMetricsAccess(none, from("127.0.0.1"))).toMatchObject({ status: 401 });
  });

  it("refuses to start on a value it cannot use, naming the variable", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "localhost", "10.0.0.0/8/1", "::1/129", "10.0.0.0/x"]) {
      expect(() => metricsAccessRule({ METRICS_ALLOW_FROM: bad }), bad).toThrow(/METRICS_ALLOW_FROM/);
    }
    expect(() => metricsAccessRule({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});
