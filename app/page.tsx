import { formatMoney, listPublishedBooks } from "@/lib/catalog";

// Rendered per request (the build reads no database; see docs/architecture.md).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const books = await listPublishedBooks({ take: 24 });
  return (
    <main>
      <h1>Bookstore</h1>
      <ul>
        {books.map((book) => (
          <li key={book.id} lang={book.languages[0] === "en" ? undefined : book.languages[0]}>
            <strong>{book.title}</strong>
            {book.subtitle ? `: ${book.subtitle}` : null}
            {book.contributors.length > 0
              ? ` by ${book.contributors.map((c) => `${c.name} (${c.roleLabel})`).join(", ")}`
              : null}
            {book.fromPrice ? ` — ${formatMoney(book.fromPrice.amountCents, book.fromPrice.currency)}` : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
