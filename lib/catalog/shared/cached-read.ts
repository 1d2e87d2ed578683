import "server-only";
import { unstable_cache } from "next/cache";
import { getPrisma } from "@/lib/db";
import type { Db } from "@/lib/db/types";

/** Cached reads are dropped by tag on writes (lib/cache-tags); the hour is only a backstop. */
const CACHE_SECONDS = 3600;

/**
 * One read of the process database through Next's data cache, under `keys` and `tags`. The data
 * cache stores JSON, so what `read` returns must survive it (view types carry ISO date strings).
 */
export function cachedRead<T>(keys: string[], tags: string[], read: (db: Db) => Promise<T>): Promise<T> {
  return unstable_cache(async () => read(await getPrisma()), keys, { tags, revalidate: CACHE_SECONDS })();
}
