// Password hashing: argon2id through @node-rs/argon2 (prebuilt, no install script) with its
// defaults, OWASP's recommended parameters (m=19 MiB, t=2, p=1).
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A random password for new accounts and resets: 20 characters from 57, about 116 bits. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(40);
  let out = "";
  for (const byte of bytes) {
    // 228 = 4 * 57: rejection sampling keeps every character equally likely.
    if (byte < 228 && out.length < 20) out += alphabet[byte % alphabet.length];
  }
  return out.length === 20 ? out : generatePassword();
}
