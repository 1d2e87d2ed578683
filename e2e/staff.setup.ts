import { test as setup } from "@playwright/test";
import { ADMIN, EDITOR, signInThroughForm, staffStateFile } from "./support/admin";

// The setup project of each e2e server (playwright.config.ts): signs the admin and the editor in
// once and keeps their sessions, which specs reuse through actAsStaff. Specs about signing in
// itself (admin-auth) still go through the form.
for (const account of [ADMIN, EDITOR]) {
  setup(`sign the ${account.role} in`, async ({ page, baseURL }) => {
    await signInThroughForm(page, account);
    await page.context().storageState({ path: staffStateFile(baseURL, account) });
  });
}
