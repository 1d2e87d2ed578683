// Counted nouns in English, with the plural rules of Intl.PluralRules rather than `n === 1`
// ternaries scattered over the pages. Pure: server and client components use it alike.
const EN = new Intl.PluralRules("en-US");

/**
 * The form for `count`, with "#" replaced by the count as the page writes numbers ("1,000"):
 * plural(1, { one: "# book", other: "# books" }) -> "1 book";
 * plural(3, { one: "this book", other: "these # books" }) -> "these 3 books".
 */
export function plural(count: number, forms: { one: string; other: string }): string {
  const form = EN.select(count) === "one" ? forms.one : forms.other;
  return form.replace("#", count.toLocaleString("en-US"));
}
