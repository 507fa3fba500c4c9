import type { SessionView } from '@shared/views';
import { KEYCHAIN_NOTICE } from '../lib/messages';

/** While signed in: says the session will not survive a restart when the keychain cannot keep it. */
export function KeychainNotice({ view }: { view: SessionView }) {
  if (view.state !== 'signed_in') return null;
  if (view.keychain !== 'unavailable' && !view.rememberFailed) return null;
  return (
    <div className="banner banner-warning" role="status">
      {KEYCHAIN_NOTICE}
    </div>
  );
}
