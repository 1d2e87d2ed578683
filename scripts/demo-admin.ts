// Demo mode only (run by scripts/start.mjs after the seed): when there is no staff account at
// all, creates admin@bookstore.local with a random password and prints it once. Live mode never
// gets a default account.
import "./load-env";
import { countStaffUsers, createStaffUser } from "@/lib/auth/users";
import { generatePassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";

const DEMO_ADMIN_EMAIL = "admin@bookstore.local";

async function main() {
  // Live mode: nothing to do, whatever else the environment says (the server checks it).
  if (process.env.STORE_MODE?.trim() === "live") return;
  const env = parseEnv(process.env);
  if (env.STORE_MODE !== "demo") return;
  const db = await openDatabase(env.DATABASE_URL);
  try {
    if ((await countStaffUsers(db.prisma)) > 0) return;
    const password = generatePassword();
    await createStaffUser(
      db.prisma,
      { email: DEMO_ADMIN_EMAIL, name: "Demo admin", role: "admin", password },
      { actorId: null, ip: null },
    );
    console.log(
      [
        "",
        "  Demo admin created (shown only this once):",
        `    email:    ${DEMO_ADMIN_EMAIL}`,
        `    password: ${password}`,
        "  Sign in at /admin/sign-in. Add staff at /admin/users or with `npm run admin:create`.",
        "",
      ].join("\n"),
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error("demo admin failed:", error);
  process.exit(1);
});
