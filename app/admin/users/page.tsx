import type { Metadata } from "next";
import {
  getStaffUsers,
  MIN_PASSWORD_LENGTH,
  requireStaff,
  STAFF_FORM_MESSAGES,
  STAFF_ROLES,
  type StaffFormMessageCode,
} from "@/lib/auth";
import { FieldError, invalidProps } from "../admin-ui";
import styles from "../admin.module.css";
import { changeRoleAction, createUserAction, setDisabledAction } from "./actions";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff users", robots: { index: false, follow: false } };

const NOTICES: Record<string, string> = {
  created: "Created the account of",
  role_changed: "Changed the role of",
  disabled: "Disabled the account of",
  enabled: "Enabled the account of",
};
const ERRORS: Record<string, string> = {
  self_change: "You cannot disable your own account or remove your own admin role.",
  not_found: "That staff account does not exist.",
  validation: "Choose admin or editor.",
  bad_request: "That request was not understood; nothing changed.",
};

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireStaff("admin", { next: "/admin/users" });
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const users = await getStaffUsers();
  const creating = one("form") === "create";
  const notice = one("notice");
  const error = one("error");
  // The URL carries codes only: a crafted link cannot put words of its own in these boxes.
  const refused = (field: string) => {
    const code = creating ? one(`fe_${field}`) : undefined;
    return code && Object.hasOwn(STAFF_FORM_MESSAGES, code)
      ? STAFF_FORM_MESSAGES[code as StaffFormMessageCode]
      : undefined;
  };
  const target = users.find((user) => String(user.id) === one("target"));

  return (
    <>
      <h1>Staff users</h1>
      {notice && Object.hasOwn(NOTICES, notice) && target && (
        <p className={styles.notice} role="status">
          {NOTICES[notice]} {target.email}.
        </p>
      )}
      {error && (
        <p className={styles.alert} role="alert">
          {(Object.hasOwn(ERRORS, error) && ERRORS[error]) || "That did not work."}
        </p>
      )}

      <section className={styles.card}>
        <table className={`${styles.table} ${styles.stack}`}>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === me.id;
              return (
                <tr key={user.id}>
                  <td>
                    {user.email}
                    {self && " (you)"}
                  </td>
                  <td data-label="Name">{user.name}</td>
                  <td data-label="Role">{user.role}</td>
                  <td data-label="Status">{user.disabled ? "disabled" : "active"}</td>
                  <td>
                    {!self && (
                      <>
                        <form action={changeRoleAction} className={styles.inline}>
                          <input type="hidden" name="userId" value={user.id} />
                          <select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`}>
                            {STAFF_ROLES.map((role) => (
                              <option key={role} value={role}>
                                {role}
                              </option>
                            ))}
                          </select>
                          <button
                            type="submit"
                            className={styles.buttonQuiet}
                            aria-label={`Change role of ${user.email}`}
                          >
                            Change role
                          </button>
                        </form>
                        <form action={setDisabledAction} className={styles.inline}>
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="disabled" value={user.disabled ? "0" : "1"} />
                          <button
                            type="submit"
                            className={styles.buttonQuiet}
                            aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
                          >
                            {user.disabled ? "Enable" : "Disable"}
                          </button>
                        </form>
                      </>
                    )}
                    <ResetPasswordForm userId={user.id} email={user.email} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className={styles.card}>
        <h2>Add a staff member</h2>
        <form action={createUserAction} className={styles.form} noValidate>
          <div className={styles.field}>
            <label htmlFor="new-email">Email</label>
            <input
              id="new-email"
              name="email"
              type="email"
              defaultValue={creating ? one("email") : undefined}
              {...invalidProps("email", refused("email"))}
              required
            />
            <FieldError id="email" message={refused("email")} />
          </div>
          <div className={styles.field}>
            <label htmlFor="new-name">Name</label>
            <input
              id="new-name"
              name="name"
              defaultValue={creating ? one("name") : undefined}
              {...invalidProps("name", refused("name"))}
              required
            />
            <FieldError id="name" message={refused("name")} />
          </div>
          <div className={styles.field}>
            <label htmlFor="new-role">Role</label>
            <select id="new-role" name="role" defaultValue={(creating && one("role")) || "editor"}>
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            <FieldError id="role" message={refused("role")} />
          </div>
          <div className={styles.field}>
            <label htmlFor="new-password">Initial password</label>
            <input
              id="new-password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              {...invalidProps("password", refused("password"))}
              required
            />
            <FieldError id="password" message={refused("password")} />
          </div>
          <button type="submit" className={styles.button}>
            Create account
          </button>
        </form>
      </section>
    </>
  );
}
