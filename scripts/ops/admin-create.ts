// npm run admin:create -- --email a@example.com --role admin [--name "A. Admin"]
// Creates a staff account. The password is read from ADMIN_PASSWORD, or asked for on a TTY.
import "./load-env";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { AppError } from "@/lib/errors";
import { createStaffUser } from "@/lib/auth/users";
import { openDatabase } from "@/lib/db/client";

async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.role) {
    console.error('usage: npm run admin:create -- --email <email> --role <admin|editor> [--name "<name>"]');
    process.exit(2);
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error("Set ADMIN_PASSWORD, or run this on a terminal to be asked for the password.");
      process.exit(2);
    }
    password = await askPassword("Password: ");
    if ((await askPassword("Password again: ")) !== password) {
      console.error("The passwords differ.");
      process.exit(1);
    }
  }
  const db = await openDatabase(process.env.DATABASE_URL);
  let failed = false;
  try {
    const user = await createStaffUser(
      db.prisma,
      {
        email: values.email,
        name: values.name ?? values.email.split("@")[0] ?? values.email,
        role: values.role as "admin" | "editor",
        password,
      },
      { actorId: null, ip: null },
    );
    console.log(`[${db.kind}] created ${user.role} ${user.email} (id ${user.id})`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = Object.entries(error.details.fields ?? {}).map(
      ([field, messages]) => `  ${field}: ${messages.join(" ")}`,
    );
    console.error(["The account was not created.", ...fields].join("\n"));
    failed = true;
  } finally {
    await db.close();
  }
  // After closing: a process.exitCode set earlier was lost on shutdown when tried here.
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error("admin:create failed:", error);
  process.exit(1);
});
