import { expect, type Page } from '@playwright/test';
import type { AppDriver } from './driver';

/** A customer a test creates. */
export interface Customer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

let counter = 0;

/** A customer with a unique email (each test also has its own server). */
export function newCustomer(overrides: Partial<Customer> = {}): Customer {
  counter += 1;
  return {
    email: `maria.${process.pid}.${counter}@example.com`,
    password: `pw-${counter}-s3cret`,
    firstName: 'Maria',
    lastName: 'Santos',
    ...overrides,
  };
}

/** Fills and submits the sign-in form (keyboard: Enter submits). */
export async function signIn(page: Page, customer: Customer, rememberMe: boolean): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('Password', { exact: true }).fill(customer.password);
  const remember = page.getByLabel('Keep me signed in');
  if ((await remember.isChecked()) !== rememberMe) await remember.click();
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

/** Opens registration from sign-in and submits it. */
export async function register(page: Page, customer: Customer): Promise<void> {
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('Password', { exact: true }).fill(customer.password);
  await page.getByLabel('First name').fill(customer.firstName);
  await page.getByLabel('Last name').fill(customer.lastName);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Waits for the profile view of this customer. */
export async function expectProfile(page: Page, customer: Customer): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByText(customer.email).first()).toBeVisible();
}

/** Waits for the sign-in view. */
export async function expectSignIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
}

/** Counts the API requests (token endpoint and /api) the server has answered. */
export function apiRequests(requests: readonly { path: string }[]): string[] {
  return requests
    .map((request) => request.path)
    .filter((path) => path.startsWith('/api/') || path === '/oauth/token');
}

/** Registers a customer straight at the server (test setup, not the flow under test). */
export async function seedCustomer(serverUrl: string, customer: Customer): Promise<void> {
  const response = await fetch(`${serverUrl}/api/v1/customers`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: customer.email,
      password: customer.password,
      first_name: customer.firstName,
      last_name: customer.lastName,
    }),
  });
  if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
}

/**
 * Test setup shared by most flows: a customer registered at the server (its password added to the
 * secrets the leak check looks for), signed in through the UI, the profile shown.
 */
export async function signedInCustomer(
  app: AppDriver,
  secrets: Set<string>,
  options: { rememberMe: boolean; customer?: Partial<Customer> },
): Promise<Customer> {
  const customer = newCustomer(options.customer);
  secrets.add(customer.password);
  await seedCustomer(app.server.url, customer);
  await signIn(app.page, customer, options.rememberMe);
  await expectProfile(app.page, customer);
  return customer;
}
