import { expect, test } from './fixtures';
import { expectSignIn, signedInCustomer } from './support/ui';

// Runs in a project whose app process has no Secret Service at all (see playwright.config.ts).
test('keychain absent: the notice is shown and the app still works', async ({ app, secrets }) => {
  await signedInCustomer(app, secrets, { rememberMe: true });
  await expect(
    app.page.getByRole('status').filter({ hasText: 'you will be signed out when you quit' }),
  ).toBeVisible();

  // Still works: edit and save.
  await app.page.getByRole('button', { name: 'Edit profile' }).click();
  await app.page.getByLabel('Middle name').fill('Luz');
  await app.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

  // Nothing was remembered: a restart asks to sign in again.
  await app.restart();
  await expectSignIn(app.page);
});
