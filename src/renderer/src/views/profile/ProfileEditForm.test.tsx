import { fail, type Result } from '@shared/result';
import type { Profile } from '@shared/views';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/api';
import { deferred, profileOf } from '../../test/fixtures';
import { renderProfile, field, detail } from '../../test/render-app';

vi.mock('../../lib/api');

describe('profile edit form', () => {
  beforeEach(() => {
    vi.mocked(api.updateProfile).mockClear();
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
    expect(detail('Full name')).toBe('Ada King Lovelace');
    expect(detail('Gender')).toBe('Male');
    expect(screen.getByRole('button', { name: 'Edit profile' })).toHaveFocus();
  });

  it('sends a new photo with the changes', async () => {
    const { user } = await renderProfile();
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 1])], 'me.jpg', {
      type: 'image/jpeg',
    });
    await user.upload(field('Photo'), file);
    expect(await screen.findByRole('img', { name: 'Photo preview' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Profile saved.');
    expect(api.updateProfile).toHaveBeenCalledWith({
      photo: { name: 'me.jpg', type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]) },
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
    expect(detail('Full name')).toBe('Ada Lovelace');
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

  it('drops the old form error on the next attempt, even one the schema stops', async () => {
    const { user } = await renderProfile();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('server', 'x'));
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('Middle name'), 'X{Enter}');
    const broken = 'The Cliqnship server had a problem. Try again in a moment.';
    expect(await screen.findByText(broken)).toBeVisible();
    await user.clear(field('First name'));
    await user.type(field('Last name'), '{Enter}');
    expect(await screen.findByText('The first name field is required.')).toBeVisible();
    expect(screen.queryByText(broken)).toBeNull();
    expect(api.updateProfile).toHaveBeenCalledTimes(1);
  });

  it('locks the fields while saving, so nothing typed then is lost', async () => {
    const { user } = await renderProfile();
    const pending = deferred<Result<Profile>>();
    vi.mocked(api.updateProfile).mockReturnValueOnce(pending.promise);
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(field('Middle name'), 'King{Enter}');
    await screen.findByRole('button', { name: 'Saving…' });
    for (const label of [
      'First name',
      'Middle name',
      'Last name',
      'Gender',
      'Birthdate',
      'Photo',
    ]) {
      expect(field(label)).toBeDisabled();
    }
    await user.type(field('Last name'), '-Byron');
    expect(field('Last name')).toHaveValue('Lovelace');

    pending.resolve({ ok: true, value: profileOf({ middleName: 'King' }) });
    expect(await screen.findByText('Profile saved.')).toBeVisible();
    expect(detail('Full name')).toBe('Ada King Lovelace');
  });
});
