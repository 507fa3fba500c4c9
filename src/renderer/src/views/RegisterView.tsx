import { zodResolver } from '@hookform/resolvers/zod';
import { registerSchema, type PhotoUpload, type RegisterRequest } from '@shared/schemas';
import type { ServerInfo } from '@shared/views';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { AuthLayout } from '../components/AuthLayout';
import { BusyButton } from '../components/BusyButton';
import { LinkButton } from '../components/LinkButton';
import { ErrorAlert } from '../components/Messages';
import { PhotoPicker } from '../components/PhotoPicker';
import { TextField } from '../components/TextField';
import { LIVE_VALIDATION, liveRegister } from '../lib/live-validation';
import { applyServerError } from '../lib/server-errors';
import { useSessionStore } from '../stores/session-store';

// The photo is not a form field: the picker holds it and it is added on submit.
type RegisterForm = RegisterRequest;

const FIELDS = ['email', 'password', 'firstName', 'lastName'] as const;

/** The registration screen; success signs the new customer in. */
export function RegisterView({ server, onBack }: { server: ServerInfo; onBack(): void }) {
  const registerAccount = useSessionStore((state) => state.register);
  const [photo, setPhoto] = useState<PhotoUpload | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RegisterForm>({
    resolver: zodResolver(registerSchema),
    ...LIVE_VALIDATION,
    defaultValues: { email: '', password: '', firstName: '', lastName: '' },
  });
  const register = liveRegister(form);
  const {
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerAccount(photo ? { ...values, photo } : values);
    if (result.ok) reset();
    else setFormError(applyServerError(result.error, FIELDS, setError));
  });

  return (
    <AuthLayout
      title="Create your account"
      lede="It takes a minute. You will be signed in right away."
      server={server}
    >
      <ErrorAlert message={formError} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label="Email"
          type="email"
          autoFocus
          autoComplete="email"
          registration={register('email')}
          error={errors.email?.message}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          registration={register('password')}
          error={errors.password?.message}
          hint="At least 3 characters."
        />
        <div className="field-row">
          <TextField
            label="First name"
            autoComplete="given-name"
            registration={register('firstName')}
            error={errors.firstName?.message}
          />
          <TextField
            label="Last name"
            autoComplete="family-name"
            registration={register('lastName')}
            error={errors.lastName?.message}
          />
        </div>
        <PhotoPicker label="Photo (optional)" onChange={setPhoto} disabled={isSubmitting} />
        <BusyButton type="submit" busy={isSubmitting} busyText="Creating account…" className="wide">
          Create account
        </BusyButton>
      </form>
      <p className="auth-alt">
        Already have an account?{' '}
        <LinkButton onClick={onBack} disabled={isSubmitting}>
          Back to sign in
        </LinkButton>
      </p>
    </AuthLayout>
  );
}
