import { fail, ok, type Result } from '@shared/result';
import type { SessionView } from '@shared/views';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import * as api from '../lib/api';
import { deferred, setUpApi, signedIn, signedOut } from '../test/fixtures';

vi.mock('../lib/api');

async function renderSignIn(view: SessionView = signedOut()) {
  setUpApi(view);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { name: 'Sign in to Cliqnship' });
  return user;
}

const email = () => screen.getByLabelText('Email');
const password = () => screen.getByLabelText('Password');

describe('sign-in screen', () => {
  beforeEach(() => {
    vi.mocked(api.signIn).mockReset();
  });

  it('shows a loading state until session:get answers', async () => {
    setUpApi(signedOut());
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.getSession).mockReturnValue(pending.promise);
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    pending.resolve(ok(signedOut()));
    expect(await screen.findByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('offers to try again when session:get fails', async () => {
    setUpApi(signedOut());
    vi.mocked(api.getSession).mockResolvedValueOnce(fail('internal', 'x', { correlationId: 'r1' }));
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong in the app. (ref r1)',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
  });

  it('names the server, and says when it is the local one', async () => {
    await renderSignIn();
    expect(screen.getByText('Server: http://127.0.0.1:8000 (local)')).toBeVisible();
  });

  it('validates the email as the user types', async () => {
    const user = await renderSignIn();
    await user.type(email(), 'ada@');
    await user.tab();
    expect(await screen.findByText('The email must be a valid email address.')).toBeVisible();
    expect(email()).toHaveAttribute('aria-invalid', 'true');
    expect(email()).toHaveAccessibleDescription('The email must be a valid email address.');
    await user.type(email(), 'example.com');
    expect(screen.queryByText('The email must be a valid email address.')).not.toBeInTheDocument();
    expect(email()).not.toHaveAttribute('aria-invalid');
  });

  it('does not flag an empty field on blur, so a click elsewhere is not swallowed', async () => {
    const user = await renderSignIn();
    expect(email()).toHaveFocus();
    await user.click(screen.getByRole('checkbox', { name: 'Keep me signed in' }));
    expect(screen.getByRole('checkbox', { name: 'Keep me signed in' })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('submits with Enter and focuses the first invalid field instead of sending', async () => {
    const user = await renderSignIn();
    await user.type(password(), 'secret{Enter}');
    expect(await screen.findByText('The email field is required.')).toBeVisible();
    expect(email()).toHaveFocus();
    expect(api.signIn).not.toHaveBeenCalled();
  });

  it('shows the busy state while signing in, then the profile', async () => {
    const user = await renderSignIn();
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.signIn).mockReturnValue(pending.promise);
    await user.type(email(), ' ada@example.com ');
    await user.type(password(), 'secret');
    await user.click(screen.getByRole('checkbox', { name: 'Keep me signed in' }));
    await user.keyboard('{Enter}');

    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(api.signIn).toHaveBeenCalledWith({
      email: 'ada@example.com',
      password: 'secret',
      rememberMe: true,
    });

    pending.resolve(ok(signedIn()));
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeVisible();
  });

  it.each([
    [fail('invalid_credentials', 'x'), 'The email or password is incorrect.'],
    [
      fail('network', 'x'),
      'Cannot reach the Cliqnship server. Check your connection and try again.',
    ],
    [fail('rate_limited', 'x', { retryAfter: 30 }), 'Too many attempts. Try again in 30 seconds.'],
    [fail('server', 'x'), 'The Cliqnship server had a problem. Try again in a moment.'],
    [fail('keychain_unavailable', 'x'), 'Your system keychain is unavailable.'],
    [fail('bad_request', 'x'), 'Something went wrong in the app.'],
  ] as [Result<SessionView>, string][])(
    'shows the error and keeps what was typed (%#)',
    async (result, message) => {
      const user = await renderSignIn();
      vi.mocked(api.signIn).mockResolvedValue(result);
      await user.type(email(), 'ada@example.com');
      await user.type(password(), 'wrong-one{Enter}');
      expect(await screen.findByRole('alert')).toHaveTextContent(message);
      expect(email()).toHaveValue('ada@example.com');
      expect(password()).toHaveValue('wrong-one');
      expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    },
  );

  it('puts server field errors under their fields and focuses the first', async () => {
    const user = await renderSignIn();
    vi.mocked(api.signIn).mockResolvedValue(
      fail('validation', 'x', { fields: { email: ['The selected email is invalid.'] } }),
    );
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'secret{Enter}');
    expect(await screen.findByText('Please correct the highlighted fields.')).toBeVisible();
    expect(email()).toHaveAccessibleDescription('The selected email is invalid.');
    expect(email()).toHaveAttribute('aria-invalid', 'true');
    expect(email()).toHaveFocus();
  });

  it.each([
    ['session_expired', 'Your session has ended. Please sign in again.'],
    ['user_signed_out', 'You have signed out.'],
    ['stored_session_unreadable', 'Your saved session could not be read. Please sign in again.'],
  ] as const)('explains the %s reason', async (reason, message) => {
    await renderSignIn(signedOut({ reason }));
    expect(screen.getByText(message)).toBeVisible();
  });

  it('says nothing about a plain start', async () => {
    await renderSignIn();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('warns next to "Keep me signed in" when the keychain is unavailable', async () => {
    await renderSignIn(signedOut({ keychain: 'unavailable' }));
    const box = screen.getByRole('checkbox', { name: 'Keep me signed in' });
    expect(box).toHaveAccessibleDescription(
      'Your system keychain is unavailable, so you will be signed out when you quit.',
    );
  });

  it('has no keychain warning when the keychain works', async () => {
    await renderSignIn();
    expect(screen.queryByText(/keychain/)).not.toBeInTheDocument();
  });

  it('goes to registration and back', async () => {
    const user = await renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    const heading = await screen.findByRole('heading', { name: 'Create your account' });
    expect(heading).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(
      within(document.body).getByRole('heading', { name: 'Sign in to Cliqnship' }),
    ).toBeVisible();
  });

  it('drops the old form error on the next attempt, even one the schema stops', async () => {
    const user = await renderSignIn();
    vi.mocked(api.signIn).mockResolvedValue(fail('invalid_credentials', 'x'));
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'wrong-one{Enter}');
    expect(await screen.findByText('The email or password is incorrect.')).toBeVisible();
    await user.clear(email());
    await user.type(email(), 'not-an-email{Enter}');
    expect(await screen.findByText('The email must be a valid email address.')).toBeVisible();
    expect(screen.queryByText('The email or password is incorrect.')).toBeNull();
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('does not bring the sign-out reason back once a form error replaced it', async () => {
    const user = await renderSignIn(signedOut({ reason: 'session_expired' }));
    const ended = 'Your session has ended. Please sign in again.';
    vi.mocked(api.signIn).mockResolvedValue(fail('invalid_credentials', 'x'));
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'wrong-one{Enter}');
    expect(await screen.findByText('The email or password is incorrect.')).toBeVisible();
    expect(screen.queryByText(ended)).toBeNull();
    await user.clear(password());
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The password field is required.')).toBeVisible();
    expect(screen.queryByText(ended)).toBeNull();
  });

  it('locks the fields while signing in, then gives them and focus back', async () => {
    const user = await renderSignIn();
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.signIn).mockReturnValue(pending.promise);
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'wrong-one{Enter}');
    await screen.findByRole('button', { name: 'Signing in…' });
    expect(email()).toBeDisabled();
    expect(password()).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Keep me signed in' })).toBeDisabled();
    await user.type(email(), 'typed-while-busy');
    expect(email()).toHaveValue('ada@example.com');

    pending.resolve(fail('invalid_credentials', 'x'));
    expect(await screen.findByText('The email or password is incorrect.')).toBeVisible();
    expect(password()).toBeEnabled();
    expect(password()).toHaveFocus();
  });
});
