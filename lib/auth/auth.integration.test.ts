import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { AppError } from "@/lib/errors";
import { IDLE_TIMEOUT_MS } from "./session-policy";
import { createSession, revokeSession, validateSession } from "./sessions";
import { SIGN_IN_ACCOUNT_IP_LIMIT, SIGN_IN_ACCOUNT_LIMIT, signIn } from "./sign-in";
import { hashToken } from "./tokens";
import { changeStaffRole, createStaffUser, resetStaffPassword, setStaffDisabled } from "./users";

const PASSWORD = "integration-password-1";

describe.each(testEngines())("staff sessions and accounts on %s", (engine) => {
  let db: TestDatabase;
  let adminId: number;
  let editorId: number;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const context = { actorId: null, ip: null };
    adminId = (
      await createStaffUser(
        db.prisma,
        { email: "Admin@Example.test", name: "Admin", role: "admin", password: PASSWORD },
        context,
      )
    ).id;
    editorId = (
      await createStaffUser(
        db.prisma,
        { email: "editor@example.test", name: "Editor", role: "editor", password: PASSWORD },
        context,
      )
    ).id;
  });
  afterAll(async () => db?.destroy());

  it("stores only the argon2id hash of the password and a normalised email", async () => {
    const row = await db.prisma.adminUser.findUniqueOrThrow({ where: { id: adminId } });
    expect(row.email).toBe("admin@example.test");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email and a short password with field errors", async () => {
    const duplicate = createStaffUser(
      db.prisma,
      { email: "editor@example.test", name: "X", role: "editor", password: PASSWORD },
      { actorId: adminId },
    );
    await expect(duplicate).rejects.toMatchObject({ code: "email_taken" });
    const short = await createStaffUser(
      db.prisma,
      { email: "new@example.test", name: "X", role: "editor", password: "short" },
      { actorId: adminId },
    ).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(AppError);
    expect((short as AppError).details.fields?.password?.[0]).toMatch(/at least 12/);
  });

  it("creates, validates and revokes a session stored only as a token hash", async () => {
    const now = new Date();
    const { token } = await createSession(db.prisma, editorId, { ip: "10.0.0.1" }, now);
    const stored = await db.prisma.adminSession.findFirstOrThrow({ where: { userId: editorId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(await db.prisma.adminSession.count({ where: { tokenHash: token } })).toBe(0);

    const session = await validateSession(db.prisma, token, now);
    expect(session?.staff).toEqual({
      id: editorId,
      email: "editor@example.test",
      name: "Editor",
      role: "editor",
    });
    expect(await validateSession(db.prisma, "not-a-token", now)).toBeNull();

    expect(await revokeSession(db.prisma, token, now)).toBe(editorId);
    expect(await validateSession(db.prisma, token, now)).toBeNull();
    expect(await revokeSession(db.prisma, token, now)).toBeNull();
  });

  it("refreshes lastSeenAt at most once a minute and expires an idle session", async () => {
    const t0 = new Date();
    const { token } = await createSession(db.prisma, editorId, {}, t0);
    const lastSeen = async () =>
      (await db.prisma.adminSession.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).lastSeenAt;

    await validateSession(db.prisma, token, new Date(t0.getTime() + 30_000));
    expect((await lastSeen()).getTime()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + 90_000);
    await validateSession(db.prisma, token, later);
    expect((await lastSeen()).getTime()).toBe(later.getTime());

    expect(await validateSession(db.prisma, token, new Date(later.getTime() + IDLE_TIMEOUT_MS))).toBeNull();
  });

  it("signs in, refuses wrong passwords and unknown emails alike, and audits both", async () => {
    const ok = await signIn(
      db.prisma,
      { email: " EDITOR@example.test ", password: PASSWORD },
      { ip: "10.0.0.2" },
    );
    expect(ok.ok).toBe(true);
    const wrong = await signIn(
      db.prisma,
      { email: "editor@example.test", password: "nope" },
      { ip: "10.0.0.2" },
    );
    const unknown = await signIn(
      db.prisma,
      { email: "ghost@example.test", password: "nope" },
      { ip: "10.0.0.2" },
    );
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const actions = (await listAudit(db.prisma, { page: 1, pageSize: 3 })).entries.map((e) => e.action);
    expect(actions).toEqual(["auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in"]);
  });

  it("limits an account per client IP, even with the right password, without locking its owner out elsewhere", async () => {
    const email = "limited@example.test";
    await createStaffUser(
      db.prisma,
      { email, name: "L", role: "editor", password: PASSWORD },
      { actorId: null },
    );
    for (let i = 0; i < SIGN_IN_ACCOUNT_IP_LIMIT.limit; i++) {
      expect(await signIn(db.prisma, { email, password: "wrong" }, { ip: "203.0.113.66" })).toMatchObject({
        reason: "invalid",
      });
    }
    const limited = await signIn(db.prisma, { email, password: PASSWORD }, { ip: "203.0.113.66" });
    expect(limited).toMatchObject({ ok: false, reason: "limited" });
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // The owner, at their own desk, is not locked out by the attacker's five wrong passwords.
    expect(await signIn(db.prisma, { email, password: PASSWORD }, { ip: "10.1.1.1" })).toMatchObject({
      ok: true,
    });
  });

  it("caps attempts on one account from many IPs, except from an address the owner has signed in from", async () => {
    const email = "ceiling@example.test";
    await createStaffUser(
      db.prisma,
      { email, name: "C", role: "editor", password: PASSWORD },
      { actorId: null },
    );
    expect(await signIn(db.prisma, { email, password: PASSWORD }, { ip: "10.4.0.1" })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.limit; i++) {
      await signIn(
        db.prisma,
        { email, password: "wrong" },
        { ip: `198.51.${Math.floor(i / 200)}.${i % 200}` },
      );
    }
    expect(await signIn(db.prisma, { email, password: PASSWORD }, { ip: "192.0.2.7" })).toMatchObject({
      ok: false,
      reason: "limited",
    });
    expect(await signIn(db.prisma, { email, password: PASSWORD }, { ip: "10.4.0.1" })).toMatchObject({
      ok: true,
    });
  });

  it("never writes the text typed as an unknown email into the audit log", async () => {
    const typed = "correct-horse-battery-staple";
    await signIn(db.prisma, { email: typed, password: "x" }, { ip: "10.5.0.1" });
    await signIn(db.prisma, { email: typed, password: "y" }, { ip: "10.5.0.1" });
    const entries = (await listAudit(db.prisma, { page: 1, pageSize: 2 })).entries;
    expect(JSON.stringify(entries)).not.toContain(typed);
    const labels = entries.map((e) => (e.details as { email: string }).email);
    expect(labels[0]).toMatch(/^unknown:[\w-]{16}$/);
    expect(labels[1]).toBe(labels[0]);
    // A known account's attempts still name it.
    await signIn(db.prisma, { email: "editor@example.test", password: "wrong" }, { ip: "10.5.0.1" });
    const [known] = (await listAudit(db.prisma, { page: 1, pageSize: 1 })).entries;
    expect(known?.details).toMatchObject({ email: "editor@example.test" });
  });

  it("disabling revokes sessions and blocks sign-in; an admin cannot disable or demote themself", async () => {
    const { token } = await createSession(db.prisma, editorId);
    await setStaffDisabled(db.prisma, editorId, true, { actorId: adminId });
    expect(await validateSession(db.prisma, token)).toBeNull();
    expect(
      await signIn(db.prisma, { email: "editor@example.test", password: PASSWORD }, { ip: "10.2.0.1" }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    await setStaffDisabled(db.prisma, editorId, false, { actorId: adminId });

    await expect(setStaffDisabled(db.prisma, adminId, true, { actorId: adminId })).rejects.toMatchObject({
      code: "self_change",
    });
    await expect(changeStaffRole(db.prisma, adminId, "editor", { actorId: adminId })).rejects.toMatchObject({
      code: "self_change",
    });
  });

  it("changes roles and resets passwords with audit entries", async () => {
    await changeStaffRole(db.prisma, editorId, "admin", { actorId: adminId, ip: "10.3.0.1" });
    const { password } = await resetStaffPassword(db.prisma, editorId, { actorId: adminId });
    expect(password).toHaveLength(20);
    expect(
      await signIn(db.prisma, { email: "editor@example.test", password }, { ip: "10.3.0.2" }),
    ).toMatchObject({
      ok: true,
    });
    const log = await listAudit(db.prisma, { page: 1, pageSize: 1000 });
    expect(log.pageSize).toBe(100);
    expect(log.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "user.created",
        "user.role_changed",
        "user.password_reset",
        "user.disabled",
        "user.enabled",
      ]),
    );
    const roleChange = log.entries.find((e) => e.action === "user.role_changed");
    expect(roleChange).toMatchObject({ actor: { id: adminId }, targetId: String(editorId), ip: "10.3.0.1" });
    expect(roleChange?.details).toEqual({ from: "editor", to: "admin" });
  });
});
