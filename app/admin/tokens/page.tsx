import type { Metadata } from "next";
import { getApiTokens, requireStaff } from "@/lib/auth";
import { utcTime } from "../admin-ui";
import styles from "../admin.module.css";
import { revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens", robots: { index: false, follow: false } };

const when = (date: Date | null) => (date ? utcTime(date) : "never");

export default async function TokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("admin", { next: "/admin/tokens" });
  const params = await searchParams;
  const tokens = await getApiTokens();
  const revoked =
    params.notice === "revoked" ? tokens.find((t) => String(t.id) === params.target) : undefined;
  return (
    <>
      <h1>API tokens</h1>
      <p>
        Bearer tokens for the catalog API (<code>/api/v1</code>). <code>catalog:write</code> may create, edit
        and hide books; see <a href="/developers/api">the API reference</a>.
      </p>
      {revoked && (
        <p className={styles.notice} role="status">
          Revoked the token “{revoked.name}”.
        </p>
      )}
      {params.error === "bad_request" && (
        <p className={styles.alert} role="alert">
          That request was not understood; nothing changed.
        </p>
      )}
      {params.error === "not_found" && (
        <p className={styles.alert} role="alert">
          That token does not exist.
        </p>
      )}
      <section className={styles.card}>
        <table className={`${styles.table} ${styles.stack}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td data-label="Prefix">
                  <code>{token.prefix}…</code>
                </td>
                <td data-label="Scopes">{token.scopes.join(", ")}</td>
                <td data-label="Created">
                  {when(token.createdAt)}
                  {token.createdBy && ` by ${token.createdBy}`}
                </td>
                <td data-label="Last used">{when(token.lastUsedAt)}</td>
                <td data-label="Status">
                  {token.revokedAt
                    ? `revoked ${when(token.revokedAt)}`
                    : token.creatorDisabled
                      ? "refused: its creator's account is disabled"
                      : "active"}
                </td>
                <td>
                  {!token.revokedAt && (
                    <form action={revokeTokenAction} className={styles.inline}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button
                        type="submit"
                        className={styles.buttonQuiet}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
            {tokens.length === 0 && (
              <tr>
                <td colSpan={7}>No tokens yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section className={styles.card}>
        <h2>Create a token</h2>
        <CreateTokenForm />
      </section>
    </>
  );
}
