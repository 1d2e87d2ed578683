// The shared cache handler against a real Redis (Debian's redis-server, started here on a free
// port): entries round-trip with their buffers, a tag invalidation makes them misses, and while
// Redis is down or hung every read is a quick miss and an invalidation made meanwhile still
// reaches Redis once it answers (docs/deploy.md, "When a part fails").
import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let redis: ChildProcess | null = null;
let port = 0;
type Handler = {
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<unknown>;
  set(key: string, data: unknown, ctx?: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
let handler: Handler;
let makeHandler: () => Handler;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

async function startRedis() {
  redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  await until(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => {
          socket.destroy();
          resolve(true);
        });
        socket.once("error", () => resolve(false));
      }),
    10_000,
  );
}

async function stopRedis() {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}

const page = (body: string, tags: string) => ({
  kind: "APP_PAGE",
  html: `<p>${body}</p>`,
  rscData: Buffer.from(`rsc ${body}`),
  headers: { "x-next-cache-tags": tags },
  postponed: undefined,
  status: 200,
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
});
const fetchEntry = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body, url: "", status: 200 },
  revalidate: 3600,
});

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not met in time");
}

beforeAll(async () => {
  port = await freePort();
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.REDIS_KEY_PREFIX = `test-${port}:`;
  await startRedis();
  const { default: RedisCacheHandler } = await import("./redis-cache-handler.mjs");
  // A second handler stands for another instance (one connection per process either way).
  makeHandler = () => new RedisCacheHandler({});
  handler = makeHandler();
  await until(async () => {
    await handler.set("warm-up", fetchEntry("ready"), {});
    return (await handler.get("warm-up", { kind: "FETCH" })) !== null;
  }, 10_000);
});

afterAll(async () => {
  await stopRedis();
});

describe("Redis cache handler", () => {
  it("shares entries (buffers and maps intact) and expires them when a tag is invalidated", async () => {
    await handler.set("/books/a", page("first", "book:a,books,_N_T_/layout"), {
      cacheControl: { revalidate: 3600 },
    });
    const other = makeHandler();
    const entry = (await other.get("/books/a", { kind: "APP_PAGE" })) as { value: ReturnType<typeof page> };
    expect(entry.value.html).toBe("<p>first</p>");
    expect(entry.value.rscData.toString()).toBe("rsc first");
    expect(entry.value.segmentData.get("/_tree")?.toString()).toBe("tree");

    await handler.set("data-a", fetchEntry("price 39.99"), {});
    expect(await handler.get("data-a", { kind: "FETCH", tags: ["book:a"] })).not.toBeNull();

    await handler.revalidateTag("book:b");
    expect(await other.get("/books/a", { kind: "APP_PAGE" })).not.toBeNull();
    await other.revalidateTag(["book:a"]);
    expect(await handler.get("/books/a", { kind: "APP_PAGE" })).toBeNull();
    expect(await handler.get("data-a", { kind: "FETCH", tags: ["book:a"] })).toBeNull();

    // Rendered again after the invalidation: served.
    await handler.set("/books/a", page("second", "book:a,books"), {});
    expect(await handler.get("/books/a", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("answers misses at once while Redis is down, and an invalidation made meanwhile reaches it later", async () => {
    await handler.set("/books/c", page("before", "book:c,books"), {});
    // Hung (stopped, not dead): every call gives up after its timeout.
    redis!.kill("SIGSTOP");
    try {
      let started = Date.now();
      expect(await handler.get("/books/c", { kind: "APP_PAGE" })).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_500);
      started = Date.now();
      await handler.revalidateTag("book:c");
      await handler.set("/books/c", page("during", "book:c,books"), {});
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      redis!.kill("SIGCONT");
    }
    // The entry from before the write is never served again once Redis answers.
    await until(async () => {
      const entry = (await handler.get("/books/c", { kind: "APP_PAGE" })) as {
        value: { html: string };
      } | null;
      return entry === null || entry.value.html !== "<p>before</p>";
    }, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const entry = (await handler.get("/books/c", { kind: "APP_PAGE" })) as { value: { html: string } } | null;
    expect(entry?.value.html).not.toBe("<p>before</p>");

    // Dead: reads are misses without waiting; it reconnects when Redis is back.
    await stopRedis();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(await handler.get("/books/a", { kind: "APP_PAGE" })).toBeNull();
    expect(Date.now() - started).toBeLessThan(100);
    await startRedis();
    await handler.set("/books/d", page("back", "book:d"), {});
    await until(async () => {
      await handler.set("/books/d", page("back", "book:d"), {});
      return (await handler.get("/books/d", { kind: "APP_PAGE" })) !== null;
    }, 10_000);
  });
});
