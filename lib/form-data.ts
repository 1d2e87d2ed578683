// Reading posted forms (server actions). No form of the store sends a field twice, except the
// checkbox groups each action names; a field sent twice is a crafted post whose meaning is
// ambiguous ("first wins" would act on half of it), so actions refuse it before acting, as they
// refuse any other invalid input.

/** React's own fields in a no-JavaScript post ($ACTION_ID_…, $ACTION_REF_…, $ACTION_KEY). */
const REACT_FIELD = /^\$ACTION_/;

/** The first field sent more than once (other than `repeatable` ones), or null. */
export function repeatedField(form: FormData, repeatable: readonly string[] = []): string | null {
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (REACT_FIELD.test(name) || repeatable.includes(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

/** A form field as text ("" when missing or a file). */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Reads exactly the fields a form may carry; every other field (prices included) is ignored. */
export function formFields<K extends string>(
  form: FormData,
  keys: readonly K[],
): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const key of keys) {
    const value = form.get(key);
    out[key] = typeof value === "string" ? value : undefined;
  }
  return out;
}
