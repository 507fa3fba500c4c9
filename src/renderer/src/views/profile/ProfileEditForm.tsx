import { zodResolver } from '@hookform/resolvers/zod';
import type { PhotoUpload } from '@shared/schemas';
import type { Profile } from '@shared/views';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/Messages';
import { PhotoPicker } from '../../components/PhotoPicker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { LIVE_VALIDATION, liveRegister } from '../../lib/live-validation';
import { applyServerError } from '../../lib/server-errors';
import { useProfileStore } from '../../stores/profile-store';
import {
  formValuesOf,
  PROFILE_FORM_FIELDS,
  profileFormSchema,
  updateRequestOf,
  type ProfileFormValues,
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
  const form = useForm<ProfileFormValues>({
    resolver: zodResolver(profileFormSchema),
    ...LIVE_VALIDATION,
    defaultValues: formValuesOf(profile),
  });
  const register = liveRegister(form);
  const {
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = form;

  useEffect(() => setFocus('firstName'), [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await update(updateRequestOf(values, profile, photo));
    if (result.ok) onDone(true);
    else setFormError(applyServerError(result.error, PROFILE_FORM_FIELDS, setError));
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && !isSubmitting) {
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
      <div className="field-row">
        <TextField
          label="First name"
          autoComplete="given-name"
          registration={register('firstName')}
          error={errors.firstName?.message}
        />
        <TextField
          label="Middle name"
          autoComplete="additional-name"
          registration={register('middleName')}
          error={errors.middleName?.message}
          hint={profile.middleName ? 'Can be changed, not removed.' : undefined}
        />
      </div>
      <TextField
        label="Last name"
        autoComplete="family-name"
        registration={register('lastName')}
        error={errors.lastName?.message}
      />
      <div className="field-row">
        <SelectField
          label="Gender"
          registration={register('gender')}
          options={GENDERS}
          error={errors.gender?.message}
        />
        <TextField
          label="Birthdate"
          type="date"
          min="1900-01-01"
          max={TODAY()}
          registration={register('birthdate')}
          error={errors.birthdate?.message}
          hint={profile.birthdate ? 'Can be changed, not removed.' : undefined}
        />
      </div>
      <PhotoPicker label="Photo" onChange={setPhoto} disabled={isSubmitting} />
      <div className="form-actions">
        <BusyButton type="submit" busy={isSubmitting} busyText="Saving…">
          Save changes
        </BusyButton>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onDone(false)}
          disabled={isSubmitting}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
