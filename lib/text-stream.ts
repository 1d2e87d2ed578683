/**
 * A generator of text as a UTF-8 byte stream for a Response: each chunk is produced when the
 * reader pulls (one ahead at most), and a cancelled download stops the generator.
 */
export function textStream(chunks: AsyncGenerator<string, unknown, unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
