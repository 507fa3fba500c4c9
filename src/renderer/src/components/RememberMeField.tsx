import type { KeychainStatus } from '@shared/views';
import { useId } from 'react';
import { KEYCHAIN_NOTICE } from '../lib/messages';
import type { CheckboxBinding } from '../lib/use-schema-form';

/**
 * The "Keep me signed in" checkbox of the sign-in and register screens. When the keychain cannot
 * keep a session, a warning under it says so and is tied to the box for screen readers.
 */
export function RememberMeField({
  binding,
  keychain,
}: {
  binding: CheckboxBinding;
  keychain: KeychainStatus;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const keychainDown = keychain === 'unavailable';
  return (
    <>
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          {...binding}
          aria-describedby={keychainDown ? hintId : undefined}
        />
        <label htmlFor={id}>Keep me signed in</label>
      </div>
      {keychainDown ? (
        <p id={hintId} className="field-hint hint-warning" role="status">
          {KEYCHAIN_NOTICE}
        </p>
      ) : null}
    </>
  );
}
