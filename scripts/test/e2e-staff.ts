// The e2e web server's known staff accounts (e2e/admin-auth.spec.ts), created through the same
// service as `npm run admin:create`. Passwords from E2E_ADMIN_PASSWORD / E2E_EDITOR_PASSWORD or
// fixed test values; only ever run against a throwaway database.
import "../ops/load-env";
import { createStaffUser } from "@/lib/auth/users";
import { openDatabase } from "@/lib/db/client";

const adminPassword = process.env.E2E_ADMIN_PASSWORD || "e2e-admin-password-0123";
const editorPassword = process.env.E2E_EDITOR_PASSWORD || "e2e-editor-password-0123";

const ACCOUNTS = [
  { email: "admin@e2e.test", name: "E2E Admin", role: "admin", password: adminPassword },
  { email: "editor@e2e.test", name: "E2E Editor", role: "editor", password: editorPassword },
  // Locked out by the rate-limit test; nothing else signs in with it.
  { email: "limited@e2e.test", name: "E2E Limited", role: "editor", password: editorPassword },
] as const;

async function main() {
  const db = await openDatabase(process.env.DATABASE_URL);
  try {
    for (const account of ACCOUNTS) await createStaffUser(db.prisma, account, { actorId: null, ip: null });
    console.log(`[${db.kind}] e2e staff: ${ACCOUNTS.map((a) => a.email).join(", ")}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error("e2e staff failed:", error);
  process.exit(1);
});
