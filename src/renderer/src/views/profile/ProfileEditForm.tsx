import type { PhotoUpload } from '@shared/schemas';
import type { Profile } from '@shared/views';
import { useState, type KeyboardEvent } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/Messages';
import { PhotoPicker } from '../../components/PhotoPicker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { applyServerError } from '../../lib/server-errors';
import { useSchemaForm } from '../../lib/use-schema-form';
import { useProfileStore } from '../../stores/profile-store';
import {
  formValuesOf,
  PROFILE_FORM_FIELDS,
  profileFormSchema,
  updateRequestOf,
} from './profile-form';

const GENDERS = [
  { value: 'male', label: 'Male' },
  { value: 'female', label: 'Female' },
] as const;

const TODAY = () => new Date().toISOString().slice(0, 10);

/** Edits the profile; calls onDone(true) once saved, onDone(false) on Cancel or Escape. */
export function ProfileEditForm({
  profile,
  onDone,
}: {
  profile: Profile;
  onDone(saved: boolean): void;
}) {
  const update = useProfileStore((state) => state.update);
  const [photo, setPhoto] = useState<PhotoUpload | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const clearFormError = () => setFormError(null);
  const form = useSchemaForm(profileFormSchema, formValuesOf(profile));
  const { errors, busy } = form;

  const submit = form.handleSubmit(async (values) => {
    const result = await update(updateRequestOf(values, profile, photo));
    if (result.ok) onDone(true);
    else setFormError(applyServerError(result.error, PROFILE_FORM_FIELDS, form.setServerErrors));
  }, clearFormError);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onDone(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label="Edit profile"
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      <ErrorAlert message={formError} />
      <fieldset className="form-lock" disabled={busy}>
        <div className="field-row">
          <TextField
            label="First name"
            autoFocus
            autoComplete="given-name"
            binding={form.field('firstName')}
            error={errors.firstName?.message}
          />
          <TextField
            label="Middle name"
            autoComplete="additional-name"
            binding={form.field('middleName')}
            error={errors.middleName?.message}
            hint={profile.middleName ? 'Can be changed, not removed.' : undefined}
          />
        </div>
        <TextField
          label="Last name"
          autoComplete="family-name"
          binding={form.field('lastName')}
          error={errors.lastName?.message}
        />
        <div className="field-row">
          <SelectField
            label="Gender"
            binding={form.field('gender')}
            options={GENDERS}
            error={errors.gender?.message}
          />
          <TextField
            label="Birthdate"
            type="date"
            min="1900-01-01"
            max={TODAY()}
            binding={form.field('birthdate')}
            error={errors.birthdate?.message}
            hint={profile.birthdate ? 'Can be changed, not removed.' : undefined}
          />
        </div>
        <PhotoPicker label="Photo" onChange={setPhoto} disabled={busy} />
        <div className="form-actions">
          <BusyButton type="submit" busy={busy} busyText="Saving…">
            Save changes
          </BusyButton>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onDone(false)}
            disabled={busy}
          >
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
