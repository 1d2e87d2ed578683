// The frame of the store's HTML emails: one centred column at most 600 px wide, tables and inline
// styles only (what mail clients render alike), readable down to a phone's 320 px. Pure.
import { SITE_NAME } from "@/lib/site";

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const FONT = "font-family:Georgia,'Times New Roman',serif;";
const SANS = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

export const emailStyle = {
  p: `margin:0 0 14px;${SANS}font-size:15px;line-height:1.5;color:#1f2328;`,
  h2: `margin:24px 0 8px;${FONT}font-size:18px;line-height:1.3;color:#1f2328;`,
  cell: `padding:8px 0;border-bottom:1px solid #e3e0d8;${SANS}font-size:14px;line-height:1.4;color:#1f2328;vertical-align:top;`,
  amount: `padding:8px 0 8px 12px;border-bottom:1px solid #e3e0d8;${SANS}font-size:14px;color:#1f2328;text-align:right;white-space:nowrap;vertical-align:top;`,
  muted: `${SANS}font-size:13px;line-height:1.5;color:#5c5f66;`,
  button: `display:inline-block;padding:10px 18px;background:#7a2e1f;color:#ffffff;text-decoration:none;border-radius:4px;${SANS}font-size:15px;font-weight:600;`,
  link: "color:#7a2e1f;",
};

/** A whole HTML document around `body` (already escaped markup). */
export function emailDocument(title: string, preheader: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f1ea;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f1ea;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border:1px solid #e3e0d8;border-radius:6px;">
<tr><td style="padding:20px 24px;border-bottom:3px solid #7a2e1f;${FONT}font-size:22px;color:#1f2328;">${escapeHtml(SITE_NAME)}</td></tr>
<tr><td style="padding:20px 24px 8px;">
${body}
</td></tr>
<tr><td style="padding:16px 24px 20px;border-top:1px solid #e3e0d8;${emailStyle.muted}">${escapeHtml(SITE_NAME)} · This email is about your order; reply to it if something is wrong.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
