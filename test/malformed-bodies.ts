// Malformed write-API request bodies: wrong types for each field, unknown fields, huge strings,
// bad ISBNs, negative prices, invalid JSON, arrays, nulls and wrong content types. Every one must
// answer 4xx and change nothing (lib/api/write.integration.test.ts, e2e/api-write.spec.ts).

export interface MalformedBody {
  label: string;
  contentType: string;
  body: string;
}

const HUGE = "x".repeat(100_000);
const WRONG_VALUES: unknown[] = [42, -1, true, null, [], [1, 2], {}, { nested: { deep: 1 } }, HUGE, "\u0000"];
const LISTING_FIELDS = [
  "title",
  "subtitle",
  "slug",
  "description",
  "teaser",
  "status",
  "seriesName",
  "seriesPosition",
  "categorySlugs",
  "languages",
  "contributors",
  "editions",
];

const edition = (fields: Record<string, unknown>) => ({ format: "paperback", price: "10.00", ...fields });

export function malformedBodies(count = 200): MalformedBody[] {
  const json = (label: string, value: unknown): MalformedBody => ({
    label,
    contentType: "application/json",
    body: JSON.stringify(value),
  });
  const out: MalformedBody[] = [];
  // Wrong types for each field (some values are valid for some fields: those get paired with an
  // unknown field so the body as a whole is always invalid).
  for (const field of LISTING_FIELDS) {
    for (const [i, value] of WRONG_VALUES.entries()) {
      out.push(json(`${field} = ${i}`, { [field]: value, [`unknown_${i}`]: true }));
    }
  }
  for (const value of [-1, "-1.00", "abc", "1e9", 1e20, "12.345", null, true, [], {}]) {
    out.push(json(`price ${JSON.stringify(value)}`, { editions: [edition({ price: value })] }));
  }
  for (const isbn of [
    "978-0-00-000000-0",
    "123",
    "97800000000000",
    "isbn",
    "9780306406159",
    "0".repeat(40),
  ]) {
    out.push(json(`isbn ${isbn}`, { editions: [edition({ isbn })] }));
  }
  for (const [field, value] of [
    ["format", "scroll"],
    ["availability", "maybe"],
    ["currency", "dollars"],
    ["publicationDate", "31/05/2024"],
    ["pageCount", -5],
    ["fileSizeKb", 1.5],
    ["colour", "red"],
  ] as const) {
    out.push(json(`edition ${field}`, { editions: [edition({ [field]: value })] }));
  }
  for (const [label, value] of [
    ["title empty", { title: "" }],
    ["title too long", { title: "t".repeat(301) }],
    ["status unknown", { status: "deleted" }],
    ["slug invalid", { slug: "Not A Slug!" }],
    ["languages invalid", { languages: "english, español" }],
    ["contributor role", { contributors: [{ name: "A", role: "ghost" }] }],
    ["contributor unknown", { contributors: [{ name: "A", role: "author", age: 3 }] }],
    ["too many editions", { editions: Array.from({ length: 13 }, () => edition({})) }],
    ["publish without editions", { status: "published", editions: [] }],
    ["top-level array", [{ title: "x" }]],
    ["top-level null", null],
    ["top-level string", "title"],
    ["top-level number", 7],
  ] as const) {
    out.push(json(label, value));
  }
  for (const text of [
    "{",
    "{title: 'x'}",
    '{"title": "x",}',
    "",
    "null null",
    "\u0000",
    '{"title":"x"'.repeat(3),
  ]) {
    out.push({
      label: `invalid JSON ${JSON.stringify(text).slice(0, 20)}`,
      contentType: "application/json",
      body: text,
    });
  }
  for (const contentType of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "",
    "application/jsonx",
  ]) {
    out.push({ label: `content type ${contentType || "(none)"}`, contentType, body: '{"title":"x"}' });
  }
  out.push({
    label: "over 256 KB",
    contentType: "application/json",
    body: JSON.stringify({ description: "d".repeat(300_000) }),
  });
  let i = 0;
  while (out.length < count) {
    const field = LISTING_FIELDS[i % LISTING_FIELDS.length]!;
    out.push(json(`nested unknown ${i}`, { [field]: { [`extra_${i}`]: i }, [`also_unknown_${i}`]: null }));
    i++;
  }
  return out.slice(0, count);
}
