import { describe, expect, it } from "vitest";
import { decideAccess, hasRole, safeNextPath, type Staff } from "./roles";

const admin: Staff = { id: 1, email: "a@x.test", name: "A", role: "admin" };
const editor: Staff = { id: 2, email: "e@x.test", name: "E", role: "editor" };
const site = "https://books.example.com";
const sameOrigin = { origin: site, host: "books.example.com", siteUrl: site, strict: true };

describe("decideAccess (the guard's decision)", () => {
  it("sends a signed-out visitor to sign-in, whatever the role", () => {
    expect(decideAccess({ staff: null })).toEqual({ outcome: "sign_in" });
    expect(decideAccess({ staff: null, role: "admin" })).toEqual({ outcome: "sign_in" });
  });

  it("forbids a signed-in editor an admin-only page", () => {
    expect(decideAccess({ staff: editor, role: "admin" })).toEqual({ outcome: "forbidden" });
  });

  it("lets the right role through with the staff member", () => {
    expect(decideAccess({ staff: editor, role: "editor" })).toEqual({ outcome: "ok", staff: editor });
    expect(decideAccess({ staff: editor })).toEqual({ outcome: "ok", staff: editor });
    expect(decideAccess({ staff: admin, role: "admin" })).toEqual({ outcome: "ok", staff: admin });
  });

  it("lets admin do editor work", () => {
    expect(decideAccess({ staff: admin, role: "editor" })).toEqual({ outcome: "ok", staff: admin });
    expect(hasRole("admin", "editor")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
  });

  it("refuses a mutation with a foreign or missing Origin, even from an admin", () => {
    expect(
      decideAccess({
        staff: admin,
        role: "admin",
        origin: { ...sameOrigin, origin: "https://evil.example" },
      }),
    ).toEqual({ outcome: "cross_site" });
    expect(decideAccess({ staff: admin, origin: { ...sameOrigin, origin: null } })).toEqual({
      outcome: "cross_site",
    });
    expect(decideAccess({ staff: admin, origin: sameOrigin })).toEqual({ outcome: "ok", staff: admin });
  });
});

describe("safeNextPath", () => {
  it("keeps admin paths and refuses anything else", () => {
    expect(safeNextPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    expect(safeNextPath("https://evil.example/admin")).toBe("/admin");
    expect(safeNextPath("//evil.example/admin")).toBe("/admin");
    expect(safeNextPath("/admin\\@evil")).toBe("/admin");
    expect(safeNextPath("/checkout")).toBe("/admin");
    expect(safeNextPath("/admin/sign-in?next=/admin")).toBe("/admin");
    expect(safeNextPath(undefined)).toBe("/admin");
    expect(safeNextPath(`/admin/${"a".repeat(5000)}`)).toBe("/admin");
  });
});
