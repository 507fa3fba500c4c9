import { useEffect, useState } from 'react';
import { ErrorAlert, Loading } from './components/Messages';
import { errorMessage } from './lib/messages';
import { startSessionSync, useSessionStore } from './stores/session-store';
import { ProfileScreen } from './views/profile/ProfileScreen';
import { RegisterView } from './views/RegisterView';
import { SignInView } from './views/SignInView';

/** Picks the screen from the session: loading, sign-in / register, or the profile. */
export function App() {
  const view = useSessionStore((state) => state.view);
  const loadError = useSessionStore((state) => state.loadError);
  const load = useSessionStore((state) => state.load);
  const [screen, setScreen] = useState<'signIn' | 'register'>('signIn');

  useEffect(() => startSessionSync(), []);

  // Whoever signs out later starts on the sign-in screen, not on the form they registered with.
  if (view?.state === 'signed_in' && screen !== 'signIn') setScreen('signIn');

  if (!view) {
    return (
      <main className="center-screen">
        {loadError ? (
          <div className="card load-error">
            <ErrorAlert message={errorMessage(loadError)} />
            <button type="button" className="button button-primary" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : (
          <Loading />
        )}
      </main>
    );
  }
  if (view.state === 'signed_in') return <ProfileScreen view={view} />;
  if (screen === 'register') {
    return (
      <RegisterView
        server={view.server}
        keychain={view.keychain}
        onBack={() => setScreen('signIn')}
      />
    );
  }
  return <SignInView view={view} onCreateAccount={() => setScreen('register')} />;
}
