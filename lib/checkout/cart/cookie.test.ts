import { describe, expect, it } from "vitest";
import { signId, verifySignedId } from "@/lib/security/signed-id";
import { cartCookieOptions, signCartId, verifyCartCookie } from "./cookie";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const ID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

describe("cart cookie", () => {
  it("round-trips a signed cart id", () => {
    expect(verifyCartCookie(signCartId(ID, SECRET), SECRET)).toBe(ID);
  });

  it("rejects tampered, foreign and malformed cookies", () => {
    const signed = signCartId(ID, SECRET);
    const otherId = "00000000-0000-4000-8000-000000000000";
    expect(verifyCartCookie(`${otherId}${signed.slice(ID.length)}`, SECRET)).toBeNull();
    expect(verifyCartCookie(`${signed.slice(0, -2)}xx`, SECRET)).toBeNull();
    expect(verifyCartCookie(signCartId(ID, "another-secret-that-is-long-enough-0123"), SECRET)).toBeNull();
    expect(verifyCartCookie(ID, SECRET)).toBeNull();
    expect(verifyCartCookie("", SECRET)).toBeNull();
    expect(verifyCartCookie(undefined, SECRET)).toBeNull();
    expect(verifyCartCookie("not-a-uuid.abc", SECRET)).toBeNull();
  });

  it("is httpOnly and SameSite=Lax, Secure in live mode", () => {
    expect(cartCookieOptions(false)).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/",
    });
    expect(cartCookieOptions(true).secure).toBe(true);
  });
});

describe("signed ids for other cookies", () => {
  it("round-trips per purpose and never across purposes", () => {
    const shopper = signId("shopper", ID, SECRET);
    expect(verifySignedId("shopper", shopper, SECRET)).toBe(ID);
    expect(verifyCartCookie(shopper, SECRET)).toBeNull();
    expect(verifySignedId("shopper", signCartId(ID, SECRET), SECRET)).toBeNull();
    expect(signId("cart", ID, SECRET)).toBe(signCartId(ID, SECRET));
  });
});
