import type { Profile } from '@shared/views';
import { formatBirthdate, fullNameOf, genderLabel, initialsOf } from './profile-format';

/** The photo (or initials), name and email: the identity column of the profile screen. */
export function ProfileIdentity({ profile }: { profile: Profile }) {
  return (
    <section className="card identity-card" aria-label="Account">
      {profile.imageDataUrl ? (
        <img className="avatar" src={profile.imageDataUrl} alt="Profile photo" />
      ) : (
        <div className="avatar avatar-initials" aria-hidden="true">
          {initialsOf(profile)}
        </div>
      )}
      <p className="identity-name">{fullNameOf(profile)}</p>
      <p className="identity-email">{profile.email}</p>
      <span className="badge">{profile.userGroup}</span>
    </section>
  );
}

/** The read-only list of profile facts. */
export function ProfileDetails({ profile }: { profile: Profile }) {
  return (
    <dl className="details">
      <div>
        <dt>Full name</dt>
        <dd>{fullNameOf(profile)}</dd>
      </div>
      <div>
        <dt>Email</dt>
        <dd>{profile.email}</dd>
      </div>
      <div>
        <dt>Account ID</dt>
        <dd className="mono">{profile.accountId}</dd>
      </div>
      <div>
        <dt>Gender</dt>
        <dd>{genderLabel(profile.gender)}</dd>
      </div>
      <div>
        <dt>Birthdate</dt>
        <dd>
          {profile.birthdate ? (
            <time dateTime={profile.birthdate}>{formatBirthdate(profile.birthdate)}</time>
          ) : (
            <span className="muted">Not set</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
