/** Customer routes under hostile and odd input: encodings, sizes, types, ids, transactions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TINY_JPEG } from './test-support/fixtures';
import {
  MARIA,
  passwordGrant,
  register,
  startScenario,
  type Scenario,
} from './test-support/scenario';

let s: Scenario;
let auth: Record<string, string>;
beforeEach(async () => {
  s = await startScenario();
  const tokens = await passwordGrant(s.server.url, MARIA.email, MARIA.password);
  auth = { Accept: 'application/json', Authorization: `Bearer ${tokens.access_token}` };
});
afterEach(async () => {
  await s.close();
});

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const newcomer = {
  email: 'pedro@example.com',
  password: 'abc',
  first_name: 'Pedro',
  last_name: 'Garcia',
};

async function profile(): Promise<{
  id: number;
  profile: Record<string, string>;
  image: string | null;
}> {
  const response = await fetch(`${s.server.url}/api/v1/customers/12`, { headers: auth });
  return (
    (await response.json()) as {
      data: { id: number; profile: Record<string, string>; image: string | null };
    }
  ).data;
}

describe('register: bad input', () => {
  it('treats malformed JSON and unknown content types as an empty body (422 for every field)', async () => {
    const all = ['email', 'password', 'first_name', 'last_name'];
    const broken = await fetch(
      `${s.server.url}/api/v1/customers`,
      json('{"email": "x@example.com",'),
    );
    expect(broken.status).toBe(422);
    expect(Object.keys(((await broken.json()) as { errors: object }).errors)).toEqual(all);
    const plain = await fetch(`${s.server.url}/api/v1/customers`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'text/plain' },
      body: JSON.stringify(newcomer),
    });
    expect(Object.keys(((await plain.json()) as { errors: object }).errors)).toEqual(all);
  });

  it('answers a body over post_max_size (8 MiB) with the 500 page and keeps serving', async () => {
    const huge = await fetch(
      `${s.server.url}/api/v1/customers`,
      json({ ...newcomer, pad: 'x'.repeat(9 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(500);
    expect(await huge.text()).toContain('Whoops, looks like something went wrong.');
    expect((await fetch(`${s.server.url}/api/v1/customers`, json(newcomer))).status).toBe(201);
  });

  it('merges query parameters into the input (body wins on a clash)', async () => {
    const query = new URLSearchParams({
      email: 'q@example.com',
      password: 'abc',
      first_name: 'Query',
    });
    const response = await fetch(
      `${s.server.url}/api/v1/customers?${query.toString()}`,
      json({ first_name: 'Body', last_name: 'B' }),
    );
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as {
      data: { email: string; profile: { first_name: string } };
    };
    expect([data.email, data.profile.first_name]).toEqual(['q@example.com', 'Body']);
  });

  it('stores unicode names and escapes them like PHP', async () => {
    const response = await fetch(
      `${s.server.url}/api/v1/customers`,
      json({ ...newcomer, first_name: 'Zoë 山田 😀' }),
    );
    const text = await response.text();
    expect(text).toContain('"first_name":"Zo\\u00eb \\u5c71\\u7530 \\ud83d\\ude00"');
    expect(
      (JSON.parse(text) as { data: { profile: { first_name: string } } }).data.profile.first_name,
    ).toBe('Zoë 山田 😀');
  });

  it('rejects non-ASCII emails and whitespace-only passwords', async () => {
    const response = await fetch(
      `${s.server.url}/api/v1/customers`,
      json({ ...newcomer, email: 'pédro@example.com', password: '   ' }),
    );
    expect(await response.json()).toEqual({
      errors: {
        email: ['The email must be a valid email address.'],
        password: ['The password field is required.'],
      },
      status: 422,
    });
  });

  it('never leaves a half-written user when the profile insert fails (long name, bad gender, bad date, array)', async () => {
    for (const bad of [
      { first_name: 'x'.repeat(256) },
      { gender: 'other' },
      { birthdate: '2017-02-30' },
      { password: [1, 2, 3] },
    ]) {
      const response = await fetch(
        `${s.server.url}/api/v1/customers`,
        json({ ...newcomer, ...bad }),
      );
      expect(response.status, JSON.stringify(bad).slice(0, 40)).toBe(500);
      expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    }
    // The email is still free: nothing of the failed attempts was committed.
    expect((await register(s.server.url, newcomer)).status).toBe(201);
  });

  it('crashes on a text image field, ignores trimming of passwords, and keeps 255-char names', async () => {
    expect(
      (await fetch(`${s.server.url}/api/v1/customers`, json({ ...newcomer, image: '5' }))).status,
    ).toBe(500);
    const ok = await fetch(
      `${s.server.url}/api/v1/customers`,
      json({ ...newcomer, password: ' ab', last_name: 'y'.repeat(255) }),
    );
    expect(ok.status).toBe(201);
    expect((await passwordGrant(s.server.url, newcomer.email, ' ab')).access_token).toBeTruthy();
  });
});

describe('show / update: ids and ownership (§4.2)', () => {
  it('resolves non-canonical forms of the own id and refuses others', async () => {
    for (const segment of ['12', 'me', '0012', '12abc', '+12', '12.0', '%2012']) {
      const response = await fetch(`${s.server.url}/api/v1/customers/${segment}`, {
        headers: auth,
      });
      expect(response.status, segment).toBe(200);
      expect(((await response.json()) as { data: { id: number } }).data.id).toBe(12);
    }
    for (const segment of ['13', 'ME', 'me%20', '0', '-12', 'abc', '99']) {
      const response = await fetch(`${s.server.url}/api/v1/customers/${segment}`, {
        headers: auth,
      });
      expect(response.status, segment).toBe(401);
      expect(await response.json()).toEqual({ errors: ['unauthorized'], status: 401 });
    }
  });

  it('updates through 12abc but not through me', async () => {
    const put = (segment: string): Promise<Response> =>
      fetch(`${s.server.url}/api/v1/customers/${segment}`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ middle_name: segment }),
      });
    expect((await put('me')).status).toBe(401);
    expect((await put('12abc')).status).toBe(201);
    expect((await profile()).profile.middle_name).toBe('12abc');
  });
});

describe('update: encodings', () => {
  it('ignores a real multipart PUT (201, nothing changed)', async () => {
    const form = new FormData();
    form.set('first_name', 'Changed');
    const response = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: auth,
      body: form,
    });
    expect(response.status).toBe(201);
    expect((await profile()).profile.first_name).toBe('Maria');
  });

  it('parses multipart via POST + _method=PUT, including the image, and urlencoded PUT', async () => {
    const form = new FormData();
    form.set('_method', 'PUT');
    form.set('first_name', 'Mar');
    form.set('image', new Blob([TINY_JPEG], { type: 'application/octet-stream' }), 'a.bin');
    expect(
      (
        await fetch(`${s.server.url}/api/v1/customers/12`, {
          method: 'POST',
          headers: auth,
          body: form,
        })
      ).status,
    ).toBe(201);
    const after = await profile();
    expect(after.profile.first_name).toBe('Mar');
    expect(after.image).toMatch(/\/files\/prod\/users\/[A-Za-z0-9]{40}\.jpeg$/);
    const urlencoded = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: auth,
      body: new URLSearchParams({ last_name: 'Cruz', middle_name: '', gender: '  ' }),
    });
    expect(urlencoded.status).toBe(201);
    // Empty and blank fields keep their old values.
    expect((await profile()).profile).toEqual({
      first_name: 'Mar',
      last_name: 'Cruz',
      middle_name: '',
      gender: 'female',
    });
  });

  it('honours X-HTTP-Method-Override on POST and answers a plain POST with 405', async () => {
    const override = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'X-HTTP-Method-Override': 'PUT' },
      body: JSON.stringify({ first_name: 'Via header' }),
    });
    expect(override.status).toBe(201);
    const plain = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'POST',
      headers: auth,
    });
    expect(plain.status).toBe(405);
    expect(plain.headers.get('allow')).toBe('GET, HEAD, PUT');
  });

  it('crashes on an invalid gender without changing anything', async () => {
    const response = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ first_name: 'Nope', gender: 'x' }),
    });
    expect(response.status).toBe(500);
    expect((await profile()).profile.first_name).toBe('Maria');
  });

  it('changes the password without revoking tokens', async () => {
    const response = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'n' }),
    });
    expect(response.status).toBe(201);
    expect((await profile()).id).toBe(12);
    expect((await passwordGrant(s.server.url, MARIA.email, 'n')).access_token).toBeTruthy();
  });
});
