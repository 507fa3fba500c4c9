import type { ServerInfo } from '@shared/views';
import type { ReactNode } from 'react';
import { BrandMark } from './AppHeader';

/** The centred card shared by the sign-in and register screens, with the server it talks to. */
export function AuthLayout({
  title,
  lede,
  server,
  children,
}: {
  title: string;
  lede: string;
  server: ServerInfo;
  children: ReactNode;
}) {
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand auth-brand">
          <BrandMark />
          <span className="brand-name">Cliqnship</span>
        </div>
        <h1>{title}</h1>
        <p className="lede">{lede}</p>
        {children}
      </div>
      <p className="server-line">
        Server: {server.url}
        {server.isLocal ? ' (local)' : ''}
      </p>
    </main>
  );
}
