import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, type AdapterHandle, type DatabaseKind } from "./adapters";

export type { Prisma } from "@/lib/generated/prisma/client";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The driver adapter under `prisma`, for the migrations to use the same connection. */
  adapter: AdapterHandle;
  close: () => Promise<void>;
}

/** One Prisma client over the adapter DATABASE_URL names. Callers own its lifetime. */
export async function openDatabase(url: string | undefined): Promise<Database> {
  const adapter = await createAdapter(url);
  // Under load every connection can be busy for a while: a shopper's transaction (a cart add, a
  // rating) waits up to 10 s for one rather than failing after Prisma's default 2 s.
  const prisma = new PrismaClient({
    adapter: adapter.factory,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return {
    kind: adapter.kind,
    prisma,
    adapter,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}
