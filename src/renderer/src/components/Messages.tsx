import { useEffect, useRef } from 'react';

/**
 * Moves focus to a message that just appeared when focus has nowhere useful to be (the button
 * that was clicked turned busy and disabled). Focus inside a text field is left alone: the user
 * pressed Enter there and may want to fix what they typed.
 */
function useFocusWhenShown(message: string | null) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message) return;
    const active = document.activeElement;
    const typing = active instanceof HTMLElement && active.matches('input, select, textarea');
    if (!typing) ref.current?.focus();
  }, [message]);
  return ref;
}

/** A form- or screen-level error, announced at once. Renders nothing without a message. */
export function ErrorAlert({ message }: { message: string | null }) {
  const ref = useFocusWhenShown(message);
  if (!message) return null;
  return (
    <div ref={ref} className="banner banner-error" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}

/** A calm confirmation or notice, announced politely. Renders nothing without a message. */
export function StatusBanner({
  message,
  tone = 'success',
}: {
  message: string | null;
  tone?: 'success' | 'info' | 'warning';
}) {
  if (!message) return null;
  return (
    <div className={`banner banner-${tone}`} role="status">
      {message}
    </div>
  );
}

/** The placeholder while a first answer is pending. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner spinner-large" aria-hidden="true" />
      {label}
    </div>
  );
}
