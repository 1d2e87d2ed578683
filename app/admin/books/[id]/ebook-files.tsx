import { EBOOK_MAX_BYTES, getEbookEditions, samplesAreMade } from "@/lib/ebooks";
import { utcTime } from "../../admin-ui";
import styles from "../../admin.module.css";

const MAX_MB = EBOOK_MAX_BYTES / (1024 * 1024);

const NOTICES: Record<string, { text: string; error: boolean }> = {
  uploaded: { text: "File uploaded: buyers download it from now on.", error: false },
  removed: { text: "File removed.", error: false },
  no_file: { text: "Choose an EPUB or PDF file to upload.", error: true },
  too_large: { text: `That file is larger than ${MAX_MB} MB: nothing was saved.`, error: true },
  not_ebook: {
    text: "That file is neither an EPUB nor a PDF (the store looks at its content, not its name): nothing was saved.",
    error: true,
  },
  bad_epub: {
    text: "That EPUB is damaged: its first entry must be an uncompressed “mimetype” file saying application/epub+zip, and it needs META-INF/container.xml. Export it again from your EPUB tool; nothing was saved.",
    error: true,
  },
  not_ebook_edition: { text: "That is not an ebook edition of this book: nothing was saved.", error: true },
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The files buyers of this book's ebook editions download: one upload form per edition. */
export async function EbookFiles({ bookId, notice }: { bookId: number; notice: string | undefined }) {
  const editions = await getEbookEditions(bookId);
  if (editions.length === 0) return null;
  const message = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  return (
    <section className={styles.card} aria-labelledby="ebook-files-title" id="ebook-files">
      <h2 id="ebook-files-title">Ebook files</h2>
      <p>
        What buyers download: an EPUB or a PDF of at most {MAX_MB} MB, checked by its content. Files are kept
        in the database, so every instance of the store serves them.
        {samplesAreMade()
          ? " In demo mode an ebook without a file gets a sample EPUB made from this listing when it is first downloaded."
          : ""}
      </p>
      {message ? (
        <p className={message.error ? styles.alert : styles.notice} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      {editions.map((edition) => {
        const inputId = `ebook-file-${edition.editionId}`;
        return (
          <div key={edition.editionId}>
            <h3>{edition.label}</h3>
            <p>
              {edition.file
                ? `${edition.file.sample ? "Sample made by the demo store" : "Uploaded"}: ${edition.file.fileName} (${
                    edition.file.mediaType === "application/pdf" ? "PDF" : "EPUB"
                  }, ${size(edition.file.byteSize)}), ${utcTime(edition.file.updatedAt)}`
                : "No file yet."}
            </p>
            <form
              method="post"
              action={`/admin/books/${bookId}/ebook-files`}
              encType="multipart/form-data"
              className={styles.form}
            >
              <input type="hidden" name="editionId" value={edition.editionId} />
              <div className={styles.field}>
                <label htmlFor={inputId}>
                  {edition.file ? "Replace the file" : "Upload the file"} (EPUB or PDF, at most {MAX_MB} MB)
                </label>
                <input
                  id={inputId}
                  name="file"
                  type="file"
                  accept=".epub,.pdf,application/epub+zip,application/pdf"
                  required
                />
              </div>
              <button type="submit" className={styles.button}>
                Upload
              </button>
            </form>
            {edition.file ? (
              <form method="post" action={`/admin/books/${bookId}/ebook-files`} encType="multipart/form-data">
                <input type="hidden" name="editionId" value={edition.editionId} />
                <input type="hidden" name="intent" value="remove" />
                <button type="submit" className={styles.buttonQuiet}>
                  Remove the file
                </button>
              </form>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
