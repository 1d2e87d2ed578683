// Two answers of Next 16.4 that server.mjs corrects on their way out, so that cached pages need no
// proxy.ts in front of them (docs/performance.md):
// - A page that calls notFound() answers 404 with an empty <body> (`<html id="__next_error__">`):
//   the not-found UI exists only in the RSC payload, so a shopper without JavaScript or a crawler
//   sees a blank page (vercel/next.js#62228, #98954). Every 404 HTML document of a GET is sent
//   with the body of Next's prerendered not-found page instead, the one it serves itself for an
//   address no route matches.
// - The first render of a page that redirects (an old book slug) sends its Location header twice,
//   which clients join into one address that does not exist; one is kept.
// Plain JavaScript: server.mjs runs without a TypeScript loader.

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {Buffer} notFoundPage the prerendered not-found document
 */
export function correctNextAnswers(req, res, notFoundPage) {
  const { writeHead, write, end } = res;
  let decided = false;
  let replace = false;

  // Decided once, when the headers are about to be sent: status and headers are final by then.
  function decide() {
    if (decided) return;
    decided = true;
    const location = res.getHeader("location");
    if (Array.isArray(location)) res.setHeader("location", location[0] ?? "");
    const type = String(res.getHeader("content-type") ?? "");
    replace = req.method === "GET" && res.statusCode === 404 && type.startsWith("text/html");
    if (!replace) return;
    // Next's body may be compressed and hashed; the replacement is sent as it is.
    res.removeHeader("content-encoding");
    res.removeHeader("etag");
    res.setHeader("content-length", notFoundPage.length);
  }

  /** @type {(...args: any[]) => (() => void) | undefined} */
  const callbackOf = (...args) => args.find((a) => typeof a === "function");

  /** @type {typeof res.writeHead} */
  res.writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    // Headers given here count as set before the decision.
    const last = rest[rest.length - 1];
    if (last && typeof last === "object" && !Array.isArray(last)) {
      rest.pop();
      for (const [name, value] of Object.entries(last)) if (value !== undefined) res.setHeader(name, value);
    }
    res.statusCode = statusCode;
    decide();
    return writeHead.call(res, statusCode, ...rest);
  };

  /** @type {typeof res.write} */
  res.write = function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
    if (!res.headersSent) decide();
    if (!replace) return write.call(res, chunk, ...rest);
    callbackOf(...rest)?.();
    return true;
  };

  /** @type {typeof res.end} */
  res.end = function (/** @type {any[]} */ ...args) {
    if (!res.headersSent) decide();
    if (!replace) return end.apply(res, /** @type {any} */ (args));
    return end.call(res, notFoundPage, callbackOf(...args));
  };
}
