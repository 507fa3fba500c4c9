import { expect, test } from './fixtures';
import { expectProfile, expectSignIn, newCustomer, seedCustomer, signIn } from './support/ui';

// Runs in a project whose app process has no Secret Service at all (see playwright.config.ts).
test('keychain absent: the notice is shown and the app still works', async ({ app, secrets }) => {
  const customer = newCustomer();
  secrets.add(customer.password);
  await seedCustomer(app.server.url, customer);
  await signIn(app.page, customer, true);
  await expectProfile(app.page, customer);
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
