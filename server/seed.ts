/** Seed data: the documented OAuth clients and the optional demo customer. */

/** The demo customer added by `seedDemo` / `--seed-demo`. */
export const DEMO_CUSTOMER = {
  email: 'demo@example.com',
  password: 'demo-pass-123',
  firstName: 'Dana',
  lastName: 'Demo',
} as const;

/** The seeded first-party OAuth clients (ids and secrets as in the API examples). */
export const OAUTH_CLIENTS = {
  personal: { id: '1', secret: 'SsMphTu4WWN8Lv0QkIS41J5g0KdBLtYhUdNvzjv2' },
  password: { id: '2', secret: 'JtOZP3K753R4WEtrkUuNWT4kaEOZ7ydW0TbFtiai' },
} as const;

/** The third-party client of the seeder (neither personal nor password client). */
export const DRAGONPAY_CLIENT = {
  id: '3',
  secret: 'dRaGoNpAy0tHiRdPaRtYcLiEnTsEcReT00000000',
} as const;

/** Rows of oauth_clients as the app's seeder creates them. */
export const CLIENT_ROWS = [
  {
    id: 1,
    name: 'Personal Access Client',
    secret: OAUTH_CLIENTS.personal.secret,
    personal: 1,
    password: 0,
  },
  {
    id: 2,
    name: 'Password Grant Client',
    secret: OAUTH_CLIENTS.password.secret,
    personal: 0,
    password: 1,
  },
  { id: 3, name: 'dragonpay', secret: DRAGONPAY_CLIENT.secret, personal: 0, password: 0 },
] as const;

/** user_groups lookup rows (id -> name). */
export const USER_GROUPS = ['Admin', 'Staff', 'Dispatcher', 'Rider', 'Customer'] as const;

/** Group id of customers. */
export const CUSTOMER_GROUP_ID = 5;
