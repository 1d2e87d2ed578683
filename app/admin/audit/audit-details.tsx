// An audit entry's details as a short list of names and values that wraps, instead of one line of
// raw JSON (a listing save names every changed field, which made the log thousands of pixels wide).
import styles from "../admin.module.css";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key} ${show(inner)}`)
      .join(", ");
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function AuditDetails({ details }: { details: unknown }) {
  if (details === null || details === undefined) return null;
  if (typeof details !== "object" || Array.isArray(details)) return <>{show(details)}</>;
  const entries = Object.entries(details as Record<string, unknown>);
  if (!entries.length) return null;
  return (
    <dl className={styles.details}>
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
