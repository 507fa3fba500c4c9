/** A form- or screen-level error, announced at once. Renders nothing without a message. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
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
