import type { ReactNode } from 'react';

/** The brand mark: a drawn glyph, so no image request and nothing for the CSP to allow. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="brand-mark-bg" />
      <path
        d="M8 12.5 16 8l8 4.5v7L16 24l-8-4.5z M8 12.5 16 17l8-4.5 M16 17v7"
        className="brand-mark-line"
      />
    </svg>
  );
}

/** The top bar of signed-in screens: brand on the left, actions on the right. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        <span className="brand-name">Cliqnship</span>
      </div>
      <div className="app-header-actions">{children}</div>
    </header>
  );
}
