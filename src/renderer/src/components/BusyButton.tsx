import type { ButtonHTMLAttributes } from 'react';

/** Props of {@link BusyButton}. */
export interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean;
  /** Text while busy, e.g. "Signing in…". */
  busyText: string;
  variant?: 'primary' | 'secondary' | 'quiet';
}

/** A button that shows its call is in flight: disabled, aria-busy and a spinner with busy text. */
export function BusyButton({
  busy,
  busyText,
  variant = 'primary',
  children,
  disabled,
  className,
  ...rest
}: BusyButtonProps) {
  return (
    <button
      {...rest}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {busy ? busyText : children}
    </button>
  );
}
