import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorAlert, Loading } from './components/Messages';
import { errorMessage } from './lib/messages';
import { startSessionSync, useSessionStore } from './stores/session-store';
import { SignInView } from './views/SignInView';

const ProfileScreen = lazy(() =>
  import('./views/on-demand').then((m) => ({ default: m.ProfileScreen })),
);
const RegisterView = lazy(() =>
  import('./views/on-demand').then((m) => ({ default: m.RegisterView })),
);

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
  if (view.state === 'signed_in')
    return (
      <Suspense fallback={<Loading />}>
        <ProfileScreen view={view} />
      </Suspense>
    );
  if (screen === 'register') {
    return (
      <Suspense fallback={<Loading />}>
        <RegisterView
          server={view.server}
          keychain={view.keychain}
          onBack={() => setScreen('signIn')}
        />
      </Suspense>
    );
  }
  return <SignInView view={view} onCreateAccount={() => setScreen('register')} />;
}
