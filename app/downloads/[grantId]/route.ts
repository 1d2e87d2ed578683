import { clientIp, ipHashOf } from "@/lib/auth/client-ip";
import { downloadEbook } from "@/lib/checkout/orders/service";
import { contentDisposition, downloadFileName } from "@/lib/ebooks/files";
import { DOWNLOAD_LIMIT } from "@/lib/ebooks/links";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/mail/html";
import { SITE_NAME } from "@/lib/site";

export const dynamic = "force-dynamic";

const REFUSALS = {
  forged: [
    403,
    "This download link is not valid",
    "The link is incomplete or was changed. Use the link in your receipt or on your order page.",
  ],
  unknown: [
    404,
    "No such download",
    "This link does not belong to any order. Use the link in your receipt or on your order page.",
  ],
  expired: [
    410,
    "This download link has expired",
    "Open your order page (the link is in your receipt) for a fresh download link.",
  ],
  limit: [
    410,
    "All downloads used",
    `Each ebook can be downloaded ${DOWNLOAD_LIMIT} times per order, and this one has been. Reply to your receipt if you need another copy.`,
  ],
  refunded: [410, "This order was refunded", "Its downloads are closed."],
  not_paid: [403, "This order is not paid", "Downloads open once the payment is confirmed."],
  no_file: [
    404,
    "The file is not ready yet",
    "The publisher's file is not uploaded yet. We will email you when it is; your downloads are not used up.",
  ],
} as const;

function refusal(reason: keyof typeof REFUSALS): Response {
  const [status, title, detail] = REFUSALS[reason];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(SITE_NAME)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="/">${escapeHtml(SITE_NAME)}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
}

// GET /downloads/:grant?expires&signature - an ebook of a paid order through a signed, expiring
// link; counted against the order's limit, logged, refused after a refund. Personal: never cached.
export async function GET(request: Request, { params }: { params: Promise<{ grantId: string }> }) {
  const { grantId } = await params;
  const url = new URL(request.url);
  const ip = clientIp(request.headers, getEnv().TRUSTED_PROXY_HOPS);
  const result = await downloadEbook(grantId, url.searchParams, {
    ipHash: ip ? ipHashOf(ip, getEnv().SESSION_SECRET) : null,
    userAgent: request.headers.get("user-agent"),
  });
  if (!result.ok) return refusal(result.reason);
  return new Response(result.content as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": result.mediaType,
      "content-length": String(result.content.byteLength),
      "content-disposition": contentDisposition(downloadFileName(result.bookTitle, result.extension)),
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "x-robots-tag": "noindex",
      "x-downloads-left": String(result.remaining),
    },
  });
}
