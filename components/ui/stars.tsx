import styles from "./stars.module.css";

/** Five stars filled to `value` (0-5), with the value as text for assistive technology. */
export function Stars({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(5, value)) * 20;
  return (
    <span className={styles.stars} role="img" aria-label={label}>
      <span className={styles.empty} aria-hidden="true">
        ★★★★★
      </span>
      <span className={styles.full} style={{ width: `${pct}%` }} aria-hidden="true">
        ★★★★★
      </span>
    </span>
  );
}
