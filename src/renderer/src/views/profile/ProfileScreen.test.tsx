import { fail, type Result } from '@shared/result';
import type { Profile, SessionView } from '@shared/views';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import * as api from '../../lib/api';
import { deferred, profileOf, setUpApi, signedIn, signedOut } from '../../test/fixtures';
import { renderProfile, field, detail } from '../../test/render-app';

vi.mock('../../lib/api');

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
    expect(detail('Full name')).toBe('Ada King Lovelace');
    expect(detail('Email')).toBe('ada@example.com');
    expect(detail('Account ID')).toBe('65f1c2a9b3d4e');
    expect(detail('Gender')).toBe('Female');
    expect(detail('Birthdate')).toBe('Not set');
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

  it('puts focus on the title when the profile opens', async () => {
    await renderProfile();
    expect(screen.getByRole('heading', { name: 'Your profile' })).toHaveFocus();
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
