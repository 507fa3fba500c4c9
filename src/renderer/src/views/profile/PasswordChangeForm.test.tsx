import { fail, type Result } from '@shared/result';
import type { Profile } from '@shared/views';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/api';
import { deferred, profileOf } from '../../test/fixtures';
import { renderProfile, field } from '../../test/render-app';

vi.mock('../../lib/api');

describe('password change form', () => {
  beforeEach(() => {
    vi.mocked(api.updateProfile).mockClear();
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

  it('drops the old error or success on the next attempt, even one the schema stops', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('rate_limited', 'x'));
    await user.type(field('New password'), 'n3w-pass');
    await user.type(field('Confirm new password'), 'n3w-pass{Enter}');
    const limited = 'Too many attempts. Try again in a minute.';
    expect(await screen.findByText(limited)).toBeVisible();
    await user.type(field('Confirm new password'), 'x{Enter}');
    expect(await screen.findByText('The two passwords do not match.')).toBeVisible();
    expect(screen.queryByText(limited)).toBeNull();

    vi.mocked(api.updateProfile).mockResolvedValueOnce({ ok: true, value: profileOf() });
    await user.type(field('Confirm new password'), '{Backspace}{Enter}');
    expect(await screen.findByText('Password changed.')).toBeVisible();
    // The success does not linger beside the next attempt's field errors.
    await user.type(field('Confirm new password'), 'abc{Enter}');
    expect(await screen.findByText('The password field is required.')).toBeVisible();
    expect(screen.queryByText('Password changed.')).toBeNull();
    expect(api.updateProfile).toHaveBeenCalledTimes(2);
  });

  it('ignores Enter pressed again on the emptied form right after a change', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce({ ok: true, value: profileOf() });
    await user.type(field('New password'), 'n3w-pass');
    await user.type(field('Confirm new password'), 'n3w-pass{Enter}{Enter}{Enter}{Enter}{Enter}');
    expect(await screen.findByText('Password changed.')).toBeVisible();
    await user.keyboard('{Enter}');
    expect(api.updateProfile).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Password changed.')).toBeVisible();
    expect(screen.queryByText('The password field is required.')).toBeNull();
    expect(field('Confirm new password')).not.toHaveAttribute('aria-invalid');

    // Once the user touches the form again, an empty submit is checked as usual.
    await user.type(field('New password'), 'x{Backspace}{Enter}');
    expect(await screen.findByText('The password field is required.')).toBeVisible();
    expect(screen.queryByText('Password changed.')).toBeNull();
    expect(api.updateProfile).toHaveBeenCalledTimes(1);
  });

  it('locks both fields while changing the password', async () => {
    const { user } = await renderProfile();
    const pending = deferred<Result<Profile>>();
    vi.mocked(api.updateProfile).mockReturnValueOnce(pending.promise);
    await user.type(field('New password'), 'n3w-pass');
    await user.type(field('Confirm new password'), 'n3w-pass{Enter}');
    await screen.findByRole('button', { name: 'Changing password…' });
    expect(field('New password')).toBeDisabled();
    expect(field('Confirm new password')).toBeDisabled();
    await user.type(field('New password'), 'x');
    expect(field('New password')).toHaveValue('n3w-pass');

    pending.resolve(fail('rate_limited', 'x'));
    expect(await screen.findByText('Too many attempts. Try again in a minute.')).toBeVisible();
    expect(field('Confirm new password')).toBeEnabled();
    expect(field('Confirm new password')).toHaveFocus();
  });
});
