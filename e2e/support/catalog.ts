// What the seed catalog puts on the shelves, as shoppers see it.
export const FEATURED = {
  slug: "mao-stalin-and-the-korean-war",
  title: "Mao, Stalin and the Korean War",
  subtitle: "Trilateral Communist Relations in the 1950s",
  article: "mao-stalin-and-the-korean-war-cold-war-power-struggle",
};

export const EARLY_READER_TITLES = [
  "Animales Wordbooks",
  "The Incredible Adventures of Tap It Tad",
  "School / la Escuela (Wordbooks / Libros de Palabras)",
  "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
];

export const OTHER_RELATED_TITLES = [
  "The Secrets of Chaplaincy",
  "Let's Learn Russian",
  "15 Exciting Fun Facts About Canada for Curious Kids",
  "What Did He Say?",
];

export const SPANISH_TITLES = [
  "Animales Wordbooks",
  "School / la Escuela (Wordbooks / Libros de Palabras)",
  "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
];

/** Created by scripts/test/e2e-fixtures.ts: they exist but shoppers must never see them. */
export const INVISIBLE_SLUGS = ["e2e-draft-proof", "e2e-hidden-title"];

/**
 * Created by scripts/test/e2e-fixtures.ts: a 4-star review held for moderation (as
 * RATINGS_MODERATION=pending stores it), on a book no other spec rates.
 */
export const E2E_PENDING_RATING = {
  bookSlug: "lets-learn-russian",
  bookTitle: "Let's Learn Russian",
  stars: 4,
  title: "Clear and friendly",
  body: "My daughter learned the alphabet in a week.",
  displayName: "E2E pending reviewer",
  shopperKey: "e2e-pending-reviewer",
} as const;
