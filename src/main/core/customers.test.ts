import { afterEach, describe, expect, it } from 'vitest';
import { registerRequest, updateFields, updateRequest } from './customers';
import { createHttpClient } from './http';
import { reply, startFaultServer, type FaultServer } from './testing/fault-servers';

let peer: FaultServer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

async function sendToPeer(request: Parameters<ReturnType<typeof createHttpClient>['send']>[0]) {
  peer = await startFaultServer((_req, res) => reply(res, 201, {}));
  const http = createHttpClient({ baseUrl: peer.url, fetch: globalThis.fetch, timeoutMs: 2000 });
  await http.send(request);
  return peer.seen[0]!;
}

describe('customer requests', () => {
  it('omits absent and empty fields and maps names to the server keys', () => {
    expect(
      updateFields({
        firstName: 'Ana',
        middleName: '',
        lastName: '   ',
        gender: 'female',
        newPassword: ' spaced ',
      }),
    ).toEqual({ first_name: 'Ana', gender: 'female', password: ' spaced ' });
    expect(updateFields({})).toEqual({});
  });

  it('sends a field update as a JSON PUT to the numeric id', async () => {
    const seen = await sendToPeer(updateRequest('tok', 12, { first_name: 'Ana' }));
    expect(seen.method).toBe('PUT');
    expect(seen.path).toBe('/api/v1/customers/12');
    expect(seen.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(seen.body)).toEqual({ first_name: 'Ana' });
  });

  it('sends a photo as multipart POST with _method=PUT and a generated boundary', async () => {
    const photo = { name: 'me.png', type: 'image/png' as const, bytes: new Uint8Array([1, 2, 3]) };
    const seen = await sendToPeer(updateRequest('tok', 12, { last_name: 'Reyes' }, photo));
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(seen.body).toMatch(/name="_method"\r\n\r\nPUT\r\n/);
    expect(seen.body).toMatch(/name="last_name"\r\n\r\nReyes\r\n/);
    expect(seen.body).toMatch(/name="image"; filename="me.png"\r\nContent-Type: image\/png/);
    expect(seen.headers.authorization).toBe('Bearer tok');
  });

  it('registers with JSON, server field names, and no photo', async () => {
    const seen = await sendToPeer(
      registerRequest(
        {
          email: 'a@example.com',
          password: 'pw!',
          firstName: 'A',
          lastName: 'B',
          photo: { name: 'x.png', type: 'image/png', bytes: new Uint8Array([1]) },
        },
        'client-token',
      ),
    );
    expect(seen.path).toBe('/api/v1/customers');
    expect(JSON.parse(seen.body)).toEqual({
      email: 'a@example.com',
      password: 'pw!',
      first_name: 'A',
      last_name: 'B',
    });
  });
});
