import { describe, expect, it } from 'vitest';
import { unauthenticatedSchema } from './api-schemas';

describe('unauthenticatedSchema', () => {
  it.each([{ error: 'Unauthenticated.' }, { message: 'Unauthenticated.' }])(
    'accepts the auth middleware body %j',
    (body) => {
      expect(unauthenticatedSchema.safeParse(body).success).toBe(true);
    },
  );

  it.each([
    { message: 'Unauthenticated.', exception: 'x' },
    { error: 'Unauthenticated.', message: 'Unauthenticated.' },
    { message: 'Forbidden.' },
    '<html>Proxy login</html>',
  ])('rejects %j (not the server talking)', (body) => {
    expect(unauthenticatedSchema.safeParse(body).success).toBe(false);
  });
});
