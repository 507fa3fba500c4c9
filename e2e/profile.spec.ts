import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { expectProfile, expectSignIn, signIn, signedInCustomer } from './support/ui';

const AVATAR = fileURLToPath(new URL('./assets/avatar.png', import.meta.url));

test('edit the profile: the change persists after a restart', async ({ app, secrets }) => {
  const customer = await signedInCustomer(app, secrets, { rememberMe: true });

  const page = app.page;
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Middle name').fill('Clara');
  await page.getByLabel('Last name').fill('Santos-Reyes');
  await page.getByLabel('Gender').selectOption('female');
  await page.getByLabel('Birthdate').fill('1990-04-15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

  await app.restart();
  await expectProfile(app.page, customer);
  await expect(app.page.getByText('Maria Clara Santos-Reyes').first()).toBeVisible();
  await expect(app.page.getByText('Female').first()).toBeVisible();
});

test('change the password, sign out, sign in with the new one', async ({ app, secrets }) => {
  const newPassword = 'a-brand-new-pass';
  secrets.add(newPassword);
  const customer = await signedInCustomer(app, secrets, { rememberMe: false });

  const page = app.page;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectSignIn(page);
  await signIn(page, customer, false);
  await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.');
  await signIn(page, { ...customer, password: newPassword }, false);
  await expectProfile(page, customer);
});

test('upload a photo and see it', async ({ app, secrets }) => {
  await signedInCustomer(app, secrets, { rememberMe: false });

  const page = app.page;
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Photo').setInputFiles(AVATAR);
  await expect(page.getByAltText('Photo preview')).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  const photo = page.getByAltText('Profile photo');
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute('src', /^data:image\/png;base64,/);
  // The image really decoded: a broken image has no natural width.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
});
