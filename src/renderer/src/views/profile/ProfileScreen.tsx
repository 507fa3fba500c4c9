import type { SessionView } from '@shared/views';
import { useEffect, useRef, useState } from 'react';
import { AppHeader } from '../../components/AppHeader';
import { BusyButton } from '../../components/BusyButton';
import { KeychainNotice } from '../../components/KeychainNotice';
import { ErrorAlert, Loading, StatusBanner } from '../../components/Messages';
import { errorMessage } from '../../lib/messages';
import { useProfileStore } from '../../stores/profile-store';
import { useSessionStore } from '../../stores/session-store';
import { PasswordChangeForm } from './PasswordChangeForm';
import { ProfileDetails, ProfileIdentity } from './ProfileCard';
import { ProfileEditForm } from './ProfileEditForm';

/** The signed-in screen: the profile (view or edit), password change and sign-out. */
export function ProfileScreen({ view }: { view: SessionView }) {
  const { profile, loading, error, load, clear } = useProfileStore();
  const signOut = useSessionStore((state) => state.signOut);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    void load();
    return clear;
  }, [load, clear]);

  // A new screen: start reading (and tabbing) from its title, not from wherever focus was lost.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const finishEdit = (didSave: boolean) => {
    returnFocus.current = true;
    setSaved(didSave);
    setEditing(false);
  };

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    const result = await signOut();
    // On success this screen unmounts; only a failure needs state here.
    if (!result.ok) {
      setSignOutError(errorMessage(result.error));
      setSigningOut(false);
    }
  };

  return (
    <div className="app-shell">
      <AppHeader>
        <BusyButton
          type="button"
          variant="secondary"
          busy={signingOut}
          busyText="Signing out…"
          onClick={() => void onSignOut()}
        >
          Sign out
        </BusyButton>
      </AppHeader>
      <main className="page">
        <h1 ref={heading} tabIndex={-1}>
          Your profile
        </h1>
        <KeychainNotice view={view} />
        <ErrorAlert message={signOutError} />
        {profile ? (
          <div className="profile-layout">
            <ProfileIdentity profile={profile} />
            <div className="profile-main">
              <section className="card" aria-labelledby="details-heading">
                <div className="card-header">
                  <h2 id="details-heading">{editing ? 'Edit profile' : 'Details'}</h2>
                  {editing ? null : (
                    <button
                      ref={editButton}
                      type="button"
                      className="button button-secondary"
                      onClick={() => {
                        setSaved(false);
                        setEditing(true);
                      }}
                    >
                      Edit profile
                    </button>
                  )}
                </div>
                {editing ? (
                  <ProfileEditForm profile={profile} onDone={finishEdit} />
                ) : (
                  <>
                    <StatusBanner message={saved ? 'Profile saved.' : null} />
                    <ProfileDetails profile={profile} />
                  </>
                )}
              </section>
              <PasswordChangeForm />
            </div>
          </div>
        ) : loading || !error ? (
          <Loading />
        ) : (
          <div className="card load-error">
            <ErrorAlert message={errorMessage(error)} />
            <button type="button" className="button button-primary" onClick={() => void load()}>
              Try again
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
