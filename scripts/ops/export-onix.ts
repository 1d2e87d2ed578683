// npm run export:onix -- --out onix.xml [--batch-size 250]
// Writes every published edition in DATABASE_URL as an ONIX 3.0 message (docs/admin.md); without
// --out, to standard output. The file is written as NAME.partial and renamed once complete, so a
// failed export never leaves a truncated file under the real name. Time, size and peak memory go
// to standard error.
import "./load-env";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { onixMessageChunks } from "@/lib/catalog/exchange/onix";
import { ONIX_BATCH_BOOKS, publishedOnixBatches } from "@/lib/catalog/exchange/onix-export";
import { openDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { SITE_NAME } from "@/lib/site";

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, "batch-size": { type: "string" } },
  });
  const batchSize = Number(values["batch-size"] ?? ONIX_BATCH_BOOKS);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    throw new Error("--batch-size must be a whole number from 1 to 5000");
  }
  const env = getEnv();
  const db = await openDatabase(env.DATABASE_URL);
  const started = performance.now();
  let bytes = 0;
  let products = 0;
  const count = new Transform({
    decodeStrings: false,
    transform(chunk: string, _encoding, done) {
      bytes += Buffer.byteLength(chunk);
      products += chunk.split("<Product>").length - 1;
      done(null, chunk);
    },
  });
  try {
    const chunks = onixMessageChunks(
      publishedOnixBatches(db.prisma, { batchSize, siteUrl: env.SITE_URL }),
      { name: SITE_NAME, siteUrl: env.SITE_URL },
      new Date(),
    );
    if (!values.out) {
      await pipeline(Readable.from(chunks), count, process.stdout);
    } else {
      const partial = `${values.out}.partial`;
      try {
        await pipeline(Readable.from(chunks), count, createWriteStream(partial));
        await rename(partial, values.out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    }
  } finally {
    await db.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.error(
    `[${db.kind}] onix: ${products} products, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(1)} s` +
      `${values.out ? ` to ${values.out}` : ""}, peak RSS ${peakMb.toFixed(0)} MiB`,
  );
}

main().catch((error: unknown) => {
  console.error("export failed:", error);
  process.exit(1);
});
