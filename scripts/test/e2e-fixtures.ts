// Test-only rows for the e2e servers' throwaway databases: books that exist but must stay
// invisible to shoppers (a draft and a hidden title), and a shopper's rating waiting for
// moderation. Never run against a real store.
import "../ops/load-env";
import { E2E_PENDING_RATING } from "@/e2e/support/catalog";
import { openDatabase } from "@/lib/db/client";

export const E2E_FIXTURE_BOOKS = [
  { slug: "e2e-draft-proof", title: "An Unpublished Proof", status: "draft" },
  { slug: "e2e-hidden-title", title: "A Withdrawn Title", status: "hidden" },
] as const;

async function main() {
  const db = await openDatabase(process.env.DATABASE_URL);
  try {
    for (const book of E2E_FIXTURE_BOOKS) {
      await db.prisma.book.upsert({
        where: { slug: book.slug },
        update: {},
        create: {
          ...book,
          languages: ["en"],
          description: "A test fixture that shoppers must never see.",
          editions: { create: [{ format: "paperback", priceMinor: 1000 }] },
        },
      });
    }
    const { bookSlug, bookTitle: _title, ...rating } = E2E_PENDING_RATING;
    const book = await db.prisma.book.findUniqueOrThrow({ where: { slug: bookSlug }, select: { id: true } });
    await db.prisma.rating.upsert({
      where: { bookId_shopperKey: { bookId: book.id, shopperKey: rating.shopperKey } },
      update: {},
      create: { ...rating, bookId: book.id, status: "pending" },
    });
    console.log(
      `[${db.kind}] e2e fixtures: ${E2E_FIXTURE_BOOKS.map((b) => `${b.slug} (${b.status})`).join(", ")}, a pending rating on ${bookSlug}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error("e2e fixtures failed:", error);
  process.exit(1);
});
