import { fail, ok, type Result } from '@shared/result';
import type { SessionView } from '@shared/views';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import * as api from '../lib/api';
import { deferred, setUpApi, signedIn, signedOut } from '../test/fixtures';

vi.mock('../lib/api');

async function renderRegister(options: { applyAccept?: boolean } = {}, view = signedOut()) {
  setUpApi(view);
  const user = userEvent.setup(options);
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Create an account' }));
  // The registration screen is loaded on demand (a separate chunk): wait for it.
  await screen.findByRole('heading', { name: 'Create your account' });
  return user;
}

const field = (label: string) => screen.getByLabelText(label);
const png = () =>
  new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'me.png', { type: 'image/png' });

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field('Email'), 'new@example.com');
  await user.type(field('Password'), 'abc');
  await user.type(field('First name'), 'Grace');
  await user.type(field('Last name'), 'Hopper');
}

describe('register screen', () => {
  beforeEach(() => {
    vi.mocked(api.register).mockReset();
  });

  it('checks the rules as the user types', async () => {
    const user = await renderRegister();
    await user.type(field('Password'), 'ab');
    await user.tab();
    expect(await screen.findByText('The password must be at least 3 characters.')).toBeVisible();
    expect(field('Password')).toHaveAttribute('aria-invalid', 'true');
    await user.type(field('Password'), 'c');
    expect(screen.queryByText('The password must be at least 3 characters.')).toBeNull();

    // A field merely passed through stays quiet until submit...
    await user.click(field('First name'));
    await user.tab();
    expect(screen.queryByText('The first name field is required.')).toBeNull();
    // ...and is flagged then.
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The first name field is required.')).toBeVisible();
  });

  it('focuses the first invalid field when submitted incomplete', async () => {
    const user = await renderRegister();
    await user.type(field('Email'), 'new@example.com');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The password field is required.')).toBeVisible();
    expect(field('Password')).toHaveFocus();
    expect(api.register).not.toHaveBeenCalled();
  });

  it('shows the busy state, sends the form with the photo, then shows the profile', async () => {
    const user = await renderRegister();
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.register).mockReturnValue(pending.promise);
    await fillValid(user);
    await user.upload(field('Photo (optional)'), png());
    expect(await screen.findByRole('img', { name: 'Photo preview' })).toBeVisible();
    await user.type(field('Last name'), '{Enter}');

    const busy = await screen.findByRole('button', { name: 'Creating account…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(api.register).toHaveBeenCalledWith({
      email: 'new@example.com',
      password: 'abc',
      firstName: 'Grace',
      lastName: 'Hopper',
      photo: {
        name: 'me.png',
        type: 'image/png',
        bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
      },
      rememberMe: false,
    });

    pending.resolve(ok(signedIn()));
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeVisible();

    // Signing out later starts from sign-in, not from the registration form.
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Cliqnship' })).toBeVisible();
  });

  it('puts the server 422 messages under the matching fields and keeps everything typed', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(
      fail('validation', 'x', {
        fields: {
          email: ['The email has already been taken.'],
          lastName: ['The last name field is required.'],
        },
      }),
    );
    await fillValid(user);
    await user.upload(field('Photo (optional)'), png());
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Please correct the highlighted fields.')).toBeVisible();
    expect(field('Email')).toHaveAccessibleDescription('The email has already been taken.');
    expect(field('Last name')).toHaveAccessibleDescription('The last name field is required.');
    expect(field('Email')).toHaveFocus();
    expect(field('Email')).toHaveValue('new@example.com');
    expect(field('Password')).toHaveValue('abc');
    expect(field('First name')).toHaveValue('Grace');
    expect(field('Last name')).toHaveValue('Hopper');
    expect(screen.getByRole('img', { name: 'Photo preview' })).toBeVisible();
  });

  it('keeps a server field error until that field itself is edited', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(
      fail('validation', 'x', { fields: { email: ['The email has already been taken.'] } }),
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The email has already been taken.')).toBeVisible();
    expect(field('Email')).toHaveFocus();

    // Leaving Email and editing other fields does not make the server's verdict go away...
    await user.tab();
    await user.type(field('First name'), 'x');
    await user.type(field('Password'), '{Backspace}');
    expect(field('Email')).toHaveAccessibleDescription('The email has already been taken.');
    expect(field('Email')).toHaveAttribute('aria-invalid', 'true');

    // ...editing Email does.
    await user.type(field('Email'), 'm');
    expect(screen.queryByText('The email has already been taken.')).toBeNull();
    expect(field('Email')).not.toHaveAttribute('aria-invalid');
  });

  it('offers "Keep me signed in", unchecked, and sends the choice', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(ok(signedIn()));
    const box = screen.getByRole('checkbox', { name: 'Keep me signed in' });
    expect(box).not.toBeChecked();
    expect(box).not.toHaveAccessibleDescription();
    await fillValid(user);
    await user.click(box);
    expect(box).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeVisible();
    expect(api.register).toHaveBeenCalledWith({
      email: 'new@example.com',
      password: 'abc',
      firstName: 'Grace',
      lastName: 'Hopper',
      rememberMe: true,
    });
  });

  it('warns next to "Keep me signed in" when the keychain is unavailable', async () => {
    await renderRegister({}, signedOut({ keychain: 'unavailable' }));
    expect(screen.getByRole('checkbox', { name: 'Keep me signed in' })).toHaveAccessibleDescription(
      'Your system keychain is unavailable, so you will be signed out when you quit.',
    );
  });

  it('keeps a server message for a field the form does not show in the summary', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(
      fail('validation', 'x', { fields: { _: ['The request was not understood.'] } }),
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please correct the highlighted fields. The request was not understood.',
    );
  });

  it('shows a network failure and keeps the form', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(fail('network', 'x'));
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot reach the Cliqnship server. Check your connection and try again.',
    );
    expect(field('Email')).toHaveValue('new@example.com');
    expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled();
  });

  it('refuses a photo that is not an image, with the reason under the input', async () => {
    const user = await renderRegister({ applyAccept: false });
    await user.upload(
      field('Photo (optional)'),
      new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }),
    );
    expect(
      await screen.findByText('The photo must be a JPEG, PNG, GIF or WebP image.'),
    ).toBeVisible();
    expect(field('Photo (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('img', { name: 'Photo preview' })).toBeNull();
  });

  it('removes a chosen photo, revokes its preview and sends none', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(fail('server', 'x'));
    await user.upload(field('Photo (optional)'), png());
    const preview = await screen.findByRole('img', { name: 'Photo preview' });
    const url = preview.getAttribute('src');
    await user.click(screen.getByRole('button', { name: 'Remove photo' }));
    expect(screen.queryByRole('img', { name: 'Photo preview' })).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith(url);
    expect(field('Photo (optional)')).toHaveFocus();

    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('The Cliqnship server had a problem. Try again in a moment.');
    expect(vi.mocked(api.register).mock.calls[0]?.[0]).not.toHaveProperty('photo');
  });

  it('drops the old form error on the next attempt, even one the schema stops', async () => {
    const user = await renderRegister();
    vi.mocked(api.register).mockResolvedValue(fail('network', 'x'));
    await fillValid(user);
    await user.type(field('Last name'), '{Enter}');
    const offline = 'Cannot reach the Cliqnship server. Check your connection and try again.';
    expect(await screen.findByText(offline)).toBeVisible();
    await user.clear(field('First name'));
    await user.type(field('Last name'), '{Enter}');
    expect(await screen.findByText('The first name field is required.')).toBeVisible();
    expect(screen.queryByText(offline)).toBeNull();
    expect(api.register).toHaveBeenCalledTimes(1);
  });

  it('locks the fields while creating the account', async () => {
    const user = await renderRegister();
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.register).mockReturnValue(pending.promise);
    await fillValid(user);
    await user.type(field('Last name'), '{Enter}');
    await screen.findByRole('button', { name: 'Creating account…' });
    for (const label of ['Email', 'Password', 'First name', 'Last name', 'Photo (optional)']) {
      expect(field(label)).toBeDisabled();
    }
    await user.type(field('First name'), 'typed-while-busy');
    expect(field('First name')).toHaveValue('Grace');

    pending.resolve(fail('network', 'x'));
    await screen.findByText(
      'Cannot reach the Cliqnship server. Check your connection and try again.',
    );
    expect(field('First name')).toBeEnabled();
    expect(field('Last name')).toHaveFocus();
  });
});
