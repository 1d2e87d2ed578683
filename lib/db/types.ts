import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What services take: the client, or the transaction handle they were called inside. Nothing
 * inside a transaction may use the global client (PGlite would wait for the transaction to end).
 */
export type Db = PrismaClient | Prisma.TransactionClient;
