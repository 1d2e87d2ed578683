import Link from "next/link";
import { formatMoney, type BookSummary } from "@/lib/catalog/shared";
import { titleLang } from "@/lib/site";
import { BookCover } from "./book-cover";
import { CARD_COVER_SIZES } from "./uploaded-cover";
import { Credits, primaryName } from "./credits";
import { MarkedText } from "./search-snippet";
import styles from "./book-card.module.css";

export function BookCard({
  book,
  headingLevel = 3,
  markedTitle,
  markedNames,
  eager,
}: {
  book: BookSummary;
  headingLevel?: 2 | 3;
  /** The title with a search's matched words between the snippet sentinels (SearchHit.markedTitle). */
  markedTitle?: string;
  /** The contributors' names, marked likewise (SearchHit.markedNames). */
  markedNames?: string[];
  /** A card in a list's first row: its cover is fetched with the page (BookCover). */
  eager?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  const lang = titleLang(book.languages);
  // Only a Spanish title carries lang; an absent attribute costs the page nothing.
  const langAttr = lang ? { lang } : {};
  return (
    <article className={styles.card}>
      {/* The title's link covers the whole card (styles.title a::after): one link per book. */}
      <BookCover
        slug={book.slug}
        title={book.title}
        subtitle={book.subtitle}
        byline={primaryName(book.contributors)}
        categorySlugs={book.categories.map((c) => c.slug)}
        lang={lang}
        decorative
        eager={eager}
        className={styles.cover}
        uploaded={book.cover ? { cover: book.cover, sizes: CARD_COVER_SIZES } : null}
      />
      <div className={styles.body}>
        <Heading className={styles.title}>
          <Link href={`/books/${book.slug}`} {...langAttr}>
            {markedTitle ? <MarkedText text={markedTitle} /> : book.title}
          </Link>
        </Heading>
        {book.subtitle ? (
          <p className={styles.subtitle} {...langAttr}>
            {book.subtitle}
          </p>
        ) : null}
        {book.contributors.length > 0 ? (
          <p className={styles.credits}>
            <Credits credits={book.contributors} markedNames={markedNames} />
          </p>
        ) : null}
        <p className={styles.meta}>
          {book.primaryFormatName ? <span>{book.primaryFormatName}</span> : null}
          {book.fromPrice ? (
            <span className={styles.price}>
              {formatMoney(book.fromPrice.amountMinor, book.fromPrice.currency)}
            </span>
          ) : null}
        </p>
      </div>
    </article>
  );
}
