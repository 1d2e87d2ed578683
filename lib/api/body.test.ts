import { describe, expect, it } from "vitest";
import { readBoundedBody, readBoundedFormData, readBoundedText } from "./body";
import { ApiProblem } from "./handler";

/** A request whose body arrives in chunks, optionally never ending, counting what was pulled. */
function streamed(chunks: number, size: number, { endless = false } = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled >= chunks) {
        if (!endless) controller.close();
        else await new Promise(() => {});
        return;
      }
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  const request = new Request("http://store.test/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe("readBoundedBody", () => {
  it("reads a body within the limit", async () => {
    const request = new Request("http://store.test/x", { method: "POST", body: "héllo" });
    expect(await readBoundedText(request, { maxBytes: 16 })).toBe("héllo");
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://store.test/x", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": String(64 * 1024 * 1024) },
    });
    const problem = await refusal(readBoundedBody(request, { maxBytes: 1024 }));
    expect(problem.type).toBe("payload_too_large");
  });

  it("stops reading as soon as the bytes pass the limit, whatever is still to come", async () => {
    const { request, pulled } = streamed(64, 1024 * 1024);
    const problem = await refusal(readBoundedBody(request, { maxBytes: 256 * 1024 }));
    expect(problem.type).toBe("payload_too_large");
    expect(new Headers(problem.options.headers).get("connection")).toBe("close");
    expect(pulled()).toBeLessThanOrEqual(2);
  });

  it("answers a body held open past the deadline", async () => {
    const { request } = streamed(1, 10, { endless: true });
    const started = Date.now();
    const problem = await refusal(readBoundedBody(request, { maxBytes: 1024, deadlineMs: 200 }));
    expect(problem.type).toBe("request_timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("readBoundedFormData", () => {
  const upload = () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("file", new File([new Uint8Array(2000)], "cover.png", { type: "image/png" }));
    return new Request("http://store.test/x", { method: "POST", body: form });
  };

  it("parses a multipart form within the limit, file and fields", async () => {
    const form = await readBoundedFormData(upload(), { maxBytes: 4096 });
    expect(form.get("intent")).toBe("upload");
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(2000);
  });

  it("refuses a form whose envelope passes the limit before parsing it", async () => {
    const problem = await refusal(readBoundedFormData(upload(), { maxBytes: 1024 }));
    expect(problem.type).toBe("payload_too_large");
  });
});
