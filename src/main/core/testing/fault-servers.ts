import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Real loopback peers that misbehave on purpose, for fault tests of the core. */

/** A request as the peer saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the peer answers one request. */
export type FaultBehaviour =
  /** Accepts the connection, reads the request, never answers. */
  | 'hang'
  /** Destroys the socket as soon as the request arrives. */
  | 'destroy'
  | ((request: SeenRequest, response: ServerResponse) => void);

/** A running fault peer on 127.0.0.1. */
export interface FaultServer {
  url: string;
  /** Every request received, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a peer on 127.0.0.1, port 0; `behave` decides per request. */
export async function startFaultServer(behave: FaultBehaviour): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      if (behave === 'hang') return;
      if (behave === 'destroy') {
        req.socket.destroy();
        return;
      }
      behave(request, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL whose port was just bound and released, so connecting is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Answers with a status, optional headers and a body (JSON when not a string). */
export function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html; charset=UTF-8' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(text);
}
