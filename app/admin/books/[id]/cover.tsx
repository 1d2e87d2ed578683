import { COVER_MAX_BYTES, COVER_MIN_WIDTH, getCoverDetails } from "@/lib/covers";
import { coverImagePath } from "@/lib/covers/urls";
import { utcTime } from "../../admin-ui";
import styles from "../../admin.module.css";

const MAX_MB = COVER_MAX_BYTES / (1024 * 1024);

const NOTICES: Record<string, { text: string; error: boolean }> = {
  uploaded: { text: "Cover uploaded: the store shows it from the next page load.", error: false },
  unchanged: { text: "That is the cover the book already has: nothing changed.", error: false },
  removed: { text: "Cover removed: the store shows the generated cover again.", error: false },
  no_file: { text: "Choose a JPEG, PNG or WebP image to upload.", error: true },
  too_large: { text: `That file is larger than ${MAX_MB} MB: nothing was saved.`, error: true },
  not_image: {
    text: "That file is not a JPEG, PNG or WebP image (the store looks at its content, not its name): nothing was saved.",
    error: true,
  },
  corrupt: {
    text: "That image is damaged or not what its first bytes say, and could not be read: nothing was saved. Export it again from your image tool.",
    error: true,
  },
  too_small: {
    text: `That image is narrower than ${COVER_MIN_WIDTH} pixels, too small to look sharp: nothing was saved.`,
    error: true,
  },
  too_many_pixels: { text: "That image has too many pixels to process: nothing was saved.", error: true },
  no_book: { text: "There is no such book: nothing was saved.", error: true },
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The book's cover: what it has now, and a plain multipart form to upload, replace or remove it. */
export async function CoverSection({ bookId, notice }: { bookId: number; notice: string | undefined }) {
  const cover = await getCoverDetails(bookId);
  const message = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const hintId = "cover-file-hint";
  const errorId = "cover-file-error";
  return (
    <section className={styles.card} aria-labelledby="cover-title" id="cover">
      <h2 id="cover-title">Cover</h2>
      {message && !message.error ? (
        <p className={styles.notice} role="status">
          {message.text}
        </p>
      ) : null}
      {cover ? (
        <div className={styles.coverNow}>
          {/* eslint-disable-next-line @next/next/no-img-element -- one small image; /covers serves a draft's to staff */}
          <img
            src={coverImagePath(cover.slug, cover, "webp", 320)}
            alt="The uploaded cover"
            width={160}
            height={Math.round((cover.height * 160) / cover.width)}
          />
          <p>
            Uploaded: {cover.mediaType.replace("image/", "").toUpperCase()}, {cover.width} × {cover.height}{" "}
            pixels, {size(cover.byteSize)}, {utcTime(cover.createdAt)}. The store shows it as AVIF and WebP at
            several widths.
          </p>
        </div>
      ) : (
        <p>No uploaded cover: the store shows the cover it draws from the title, the byline and the shelf.</p>
      )}
      <form
        method="post"
        action={`/admin/books/${bookId}/cover`}
        encType="multipart/form-data"
        className={styles.form}
      >
        <div className={styles.field}>
          <label htmlFor="cover-file">{cover ? "Replace the cover" : "Upload a cover"}</label>
          <p id={hintId} className={styles.hint}>
            JPEG, PNG or WebP, at most {MAX_MB} MB and at least {COVER_MIN_WIDTH} pixels wide; its shape is
            kept.
          </p>
          <input
            id="cover-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-describedby={message?.error ? `${hintId} ${errorId}` : hintId}
            {...(message?.error ? { "aria-invalid": true } : {})}
          />
          {message?.error ? (
            <p id={errorId} className={styles.fieldError} role="alert">
              {message.text}
            </p>
          ) : null}
        </div>
        <button type="submit" className={styles.button}>
          Upload
        </button>
      </form>
      {cover ? (
        <form method="post" action={`/admin/books/${bookId}/cover`} encType="multipart/form-data">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className={styles.buttonQuiet}>
            Remove the cover
          </button>
        </form>
      ) : null}
    </section>
  );
}
