import { expect, test } from './fixtures';
import { expectSignIn, signedInCustomer } from './support/ui';

test('server stopped mid-session: a clear offline message, then recovery', async ({
  app,
  server,
  secrets,
}) => {
  await signedInCustomer(app, secrets, { rememberMe: false });

  const page = app.page;
  await server.stop();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Middle name').fill('Offline');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot reach the Cliqnship server.');
  // Nothing typed is lost, and the session survives the outage.
  await expect(page.getByLabel('Middle name')).toHaveValue('Offline');

  await server.start();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByText('Maria Offline Santos').first()).toBeVisible();
});

test('refresh token revoked on the server: back to sign-in with the reason', async ({
  app,
  server,
  secrets,
}) => {
  const customer = await signedInCustomer(app, secrets, { rememberMe: true });

  expect(await server.revokeTokensOf(customer.email)).toBeGreaterThan(0);
  const page = app.page;
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Middle name').fill('Revoked');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectSignIn(page);
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();

  // It was forgotten for good: a restart does not bring it back.
  await app.restart();
  await expectSignIn(app.page);
});
