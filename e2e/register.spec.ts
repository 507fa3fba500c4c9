import { expect, test } from './fixtures';
import { expectProfile, newCustomer, register, seedCustomer } from './support/ui';

test('register a new customer: lands on the profile, signed in', async ({ app, secrets }) => {
  const customer = newCustomer({ firstName: 'Lea', lastName: 'Bautista' });
  secrets.add(customer.password);
  await register(app.page, customer);
  await expectProfile(app.page, customer);
  await expect(app.page.getByText('Lea Bautista').first()).toBeVisible();
});

test("duplicate email: the server's message under the email field, input kept", async ({
  app,
  secrets,
}) => {
  const customer = newCustomer();
  secrets.add(customer.password);
  await seedCustomer(app.server.url, customer);
  await register(app.page, { ...customer, email: customer.email.toUpperCase() });
  const email = app.page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.getByText('The email has already been taken.')).toBeVisible();
  await expect(email).toHaveValue(customer.email.toUpperCase());
  await expect(app.page.getByLabel('First name')).toHaveValue(customer.firstName);
});
