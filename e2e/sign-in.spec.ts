import { expect, test } from './fixtures';
import {
  apiRequests,
  expectProfile,
  expectSignIn,
  newCustomer,
  seedCustomer,
  signIn,
  signedInCustomer,
} from './support/ui';

test('sign in with "keep me signed in", restart: still signed in with one API request', async ({
  app,
  secrets,
}) => {
  const customer = await signedInCustomer(app, secrets, { rememberMe: true });

  app.server.resetRequestLog();
  await app.restart();
  await expectProfile(app.page, customer);
  await expect(app.page.getByLabel('Password', { exact: true })).toHaveCount(0);
  expect(apiRequests(app.server.requests)).toEqual(['/api/v1/customers/me']);
});

test('sign in without "keep me signed in", restart: signed out', async ({ app, secrets }) => {
  await signedInCustomer(app, secrets, { rememberMe: false });

  await app.restart();
  await expectSignIn(app.page);
});

test('wrong password: a clear message, the email kept', async ({ app, secrets }) => {
  const customer = newCustomer();
  secrets.add(customer.password);
  await seedCustomer(app.server.url, customer);
  await signIn(app.page, { ...customer, password: 'not-my-password' }, false);
  await expect(app.page.getByRole('alert')).toContainText('The email or password is incorrect.');
  await expect(app.page.getByLabel('Email')).toHaveValue(customer.email);
  await expectSignIn(app.page);
});
