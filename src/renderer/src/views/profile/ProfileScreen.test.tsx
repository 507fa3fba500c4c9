import { fail, type Result } from '@shared/result';
import type { Profile, SessionView } from '@shared/views';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import * as api from '../../lib/api';
import { deferred, profileOf, setUpApi, signedIn, signedOut } from '../../test/fixtures';

vi.mock('../../lib/api');

async function renderProfile(profile: Profile = profileOf(), view: SessionView = signedIn()) {
  const push = setUpApi(view, profile);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('button', { name: 'Edit profile' });
  return { user, push };
}

const field = (label: string) => screen.getByLabelText(label);
const valueOf = (term: string) =>
  screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('profile screen', () => {
  beforeEach(() => {
    vi.mocked(api.updateProfile).mockClear();
  });

  it('shows a loading state while profile:get is pending', async () => {
    setUpApi(signedIn());
    const pending = deferred<Result<Profile>>();
    vi.mocked(api.getProfile).mockReturnValue(pending.promise);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    pending.resolve({ ok: true, value: profileOf() });
    expect(await screen.findByRole('button', { name: 'Edit profile' })).toBeVisible();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('shows a failed load with its message and tries again', async () => {
    setUpApi(signedIn());
    vi.mocked(api.getProfile).mockResolvedValueOnce(fail('server', 'x'));
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The Cliqnship server had a problem. Try again in a moment.',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Edit profile' })).toBeVisible();
  });

  it('shows the profile facts, with "Not set" for a missing birthdate and initials', async () => {
    await renderProfile(profileOf({ middleName: 'King' }));
    expect(valueOf('Full name')).toBe('Ada King Lovelace');
    expect(valueOf('Email')).toBe('ada@example.com');
    expect(valueOf('Account ID')).toBe('65f1c2a9b3d4e');
    expect(valueOf('Gender')).toBe('Female');
    expect(valueOf('Birthdate')).toBe('Not set');
    expect(screen.getByText('AL')).toBeVisible();
    expect(screen.queryByRole('img', { name: 'Profile photo' })).toBeNull();
  });

  it('shows the photo and a set birthdate', async () => {
    await renderProfile(
      profileOf({ birthdate: '1990-03-12', imageDataUrl: 'data:image/png;base64,iVBO' }),
    );
    expect(screen.getByRole('img', { name: 'Profile photo' })).toHaveAttribute(
      'src',
      'data:image/png;base64,iVBO',
    );
    expect(
      screen.getByText('Birthdate', { selector: 'dt' }).nextElementSibling?.querySelector('time'),
    ).toHaveAttribute('datetime', '1990-03-12');
  });

  it('edits: prefilled fields, busy "Saving…", only changes sent, then "Profile saved."', async () => {
    const { user } = await renderProfile();
    const pending = deferred<Result<Profile>>();
    vi.mocked(api.updateProfile).mockReturnValueOnce(pending.promise);
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    expect(field('First name')).toHaveFocus();
    expect(field('First name')).toHaveValue('Ada');
    expect(field('Last name')).toHaveValue('Lovelace');
    expect(field('Gender')).toHaveValue('female');
    expect(field('Birthdate')).toHaveAttribute('type', 'date');

    await user.type(field('Middle name'), 'King');
    await user.selectOptions(field('Gender'), 'Male');
    await user.type(field('Birthdate'), '1990-03-12');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(api.updateProfile).toHaveBeenCalledWith({
      middleName: 'King',
      gender: 'male',
      birthdate: '1990-03-12',
    });

    pending.resolve({
      ok: true,
      value: profileOf({ middleName: 'King', gender: 'male', birthdate: '1990-03-12' }),
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved.');
    expect(valueOf('Full name')).toBe('Ada King Lovelace');
    expect(valueOf('Gender')).toBe('Male');
    expect(screen.getByRole('button', { name: 'Edit profile' })).toHaveFocus();
  });

  it('sends a new photo with the changes', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    const file = new File([new Uint8Array([1, 2, 3])], 'me.jpg', { type: 'image/jpeg' });
    await user.upload(field('Photo'), file);
    expect(await screen.findByRole('img', { name: 'Photo preview' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Profile saved.');
    expect(api.updateProfile).toHaveBeenCalledWith({
      photo: { name: 'me.jpg', type: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) },
    });
  });

  it('validates while typing and does not send an invalid form', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.clear(field('First name'));
    await user.tab();
    expect(await screen.findByText('The first name field is required.')).toBeVisible();
    expect(field('First name')).toHaveAttribute('aria-invalid', 'true');
    await user.type(field('Last name'), '{Enter}');
    expect(field('First name')).toHaveFocus();
    expect(api.updateProfile).not.toHaveBeenCalled();
  });

  it('Escape cancels the edit without saving and returns focus', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('First name'), 'xyz');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('First name')).toBeNull();
    expect(valueOf('Full name')).toBe('Ada Lovelace');
    expect(screen.getByRole('button', { name: 'Edit profile' })).toHaveFocus();
    expect(api.updateProfile).not.toHaveBeenCalled();
  });

  it('Cancel leaves the edit too', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryByText('Profile saved.')).toBeNull();
  });

  it('maps server field errors onto the edit form and keeps the input', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(
      fail('validation', 'x', { fields: { lastName: ['The last name is too long.'] } }),
    );
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('Last name'), '-Byron{Enter}');
    expect(await screen.findByText('Please correct the highlighted fields.')).toBeVisible();
    expect(field('Last name')).toHaveAccessibleDescription('The last name is too long.');
    expect(field('Last name')).toHaveFocus();
    expect(field('Last name')).toHaveValue('Lovelace-Byron');
  });

  it('puts focus on the title when the profile opens', async () => {
    await renderProfile();
    expect(screen.getByRole('heading', { name: 'Your profile' })).toHaveFocus();
  });

  it('moves focus to the error when the clicked button went busy', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('network', 'x'));
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('Middle name'), 'Offline');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Cannot reach the Cliqnship server. Check your connection and try again.',
    );
    expect(alert).toHaveFocus();
    expect(field('Middle name')).toHaveValue('Offline');
  });

  it('leaves focus in the field when Enter was pressed there', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('server', 'x'));
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('Middle name'), 'X{Enter}');
    expect(await screen.findByRole('alert')).toBeVisible();
    expect(field('Middle name')).toHaveFocus();
  });

  it('changes the password: mismatch caught, busy state, success clears the fields', async () => {
    const { user } = await renderProfile();
    await user.type(field('New password'), 'n3w-pass');
    await user.type(field('Confirm new password'), 'n3w-pas');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The two passwords do not match.')).toBeVisible();
    expect(api.updateProfile).not.toHaveBeenCalled();

    const pending = deferred<Result<Profile>>();
    vi.mocked(api.updateProfile).mockReturnValueOnce(pending.promise);
    await user.type(field('Confirm new password'), 's{Enter}');
    const busy = await screen.findByRole('button', { name: 'Changing password…' });
    expect(busy).toBeDisabled();
    expect(api.updateProfile).toHaveBeenCalledWith({ newPassword: 'n3w-pass' });
    pending.resolve({ ok: true, value: profileOf() });
    expect(await screen.findByText('Password changed.')).toBeVisible();
    expect(field('New password')).toHaveValue('');
    expect(field('Confirm new password')).toHaveValue('');
  });

  it('keeps the typed passwords when the change fails', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('rate_limited', 'x'));
    await user.type(field('New password'), 'n3w-pass');
    await user.type(field('Confirm new password'), 'n3w-pass{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in a minute.',
    );
    expect(field('New password')).toHaveValue('n3w-pass');
    expect(screen.queryByText('Password changed.')).toBeNull();
  });

  it.each([
    [signedIn({ keychain: 'unavailable', remembered: false })],
    [signedIn({ rememberFailed: true, remembered: false })],
  ])('says the session will not survive a restart (%#)', async (view) => {
    await renderProfile(profileOf(), view);
    expect(
      screen.getByText(
        'Your system keychain is unavailable, so you will be signed out when you quit.',
      ),
    ).toHaveAttribute('role', 'status');
  });

  it('has no keychain notice when the session is remembered', async () => {
    await renderProfile();
    expect(screen.queryByText(/keychain/)).toBeNull();
  });

  it('returns to sign-in with the reason when the session ends in the background', async () => {
    const { user, push } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    push(signedOut({ reason: 'session_expired' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your session has ended. Please sign in again.',
    );
  });

  it('signs out with a busy state and says so on the sign-in screen', async () => {
    const { user } = await renderProfile();
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.signOut).mockReturnValueOnce(pending.promise);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const busy = screen.getByRole('button', { name: 'Signing out…' });
    expect(busy).toBeDisabled();
    pending.resolve({ ok: true, value: signedOut({ reason: 'user_signed_out' }) });
    expect(await screen.findByText('You have signed out.')).toBeVisible();
  });

  it('forgets the profile on sign-out, so the next user never sees it', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('You have signed out.');
    vi.mocked(api.getProfile).mockReturnValueOnce(new Promise(() => {}));
    await user.type(field('Email'), 'grace@example.com');
    await user.type(field('Password'), 'secret');
    vi.mocked(api.signIn).mockResolvedValueOnce({ ok: true, value: signedIn() });
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Loading…')).toBeVisible();
    expect(screen.queryByText('ada@example.com')).toBeNull();
  });

  it('shows a failed sign-out', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.signOut).mockResolvedValueOnce(fail('internal', 'x', { correlationId: 'ab12' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong in the app. (ref ab12)',
    );
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  });
});
