import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectProfile, newCustomer, seedCustomer, signIn } from './support/ui';

// Every e2e run takes them under test-results/; `npm run screenshots` refreshes the README's copies.
const SHOTS = `${
  process.env.CLIQNSHIP_SCREENSHOTS_DIR ??
  fileURLToPath(new URL('../test-results/screenshots', import.meta.url))
}/`;
const AVATAR = fileURLToPath(new URL('./assets/avatar.png', import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('screenshots for the README', () => {
  test.skip(({ driver }) => driver !== 'bridge', 'Taken once, by the bridge driver.');

  test('sign-in, registration with field errors, profile (light and dark)', async ({
    app,
    secrets,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 720 });
    await expect(page.getByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
    await shoot(page, 'sign-in');

    const taken = newCustomer();
    secrets.add(taken.password);
    await seedCustomer(app.server.url, taken);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Email').fill(taken.email);
    await page.getByLabel('Password', { exact: true }).fill('another-pass');
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('Santos');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('The email has already been taken.')).toBeVisible();
    // A second, client-side error as the user keeps typing.
    await page.getByLabel('Password', { exact: true }).fill('ab');
    await page.getByLabel('Last name').focus();
    await expect(page.getByText('The password must be at least 3 characters.')).toBeVisible();
    await shoot(page, 'register-errors');

    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await signIn(page, taken, false);
    await expectProfile(page, taken);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Photo').setInputFiles(AVATAR);
    await page.getByLabel('Birthdate').fill('1991-06-12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    await shoot(page, 'profile');
  });
});
