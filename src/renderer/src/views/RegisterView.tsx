import { registerSchema, type PhotoUpload } from '@shared/schemas';
import type { KeychainStatus, ServerInfo } from '@shared/views';
import { useState } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { BusyButton } from '../components/BusyButton';
import { LinkButton } from '../components/LinkButton';
import { ErrorAlert } from '../components/Messages';
import { PhotoPicker } from '../components/PhotoPicker';
import { RememberMeField } from '../components/RememberMeField';
import { TextField } from '../components/TextField';
import { applyServerError } from '../lib/server-errors';
import { useSchemaForm } from '../lib/use-schema-form';
import { useSessionStore } from '../stores/session-store';

const FIELDS = ['email', 'password', 'firstName', 'lastName'] as const;
// The photo is not a form field: the picker holds it and it is added on submit.
const EMPTY = { email: '', password: '', firstName: '', lastName: '', rememberMe: false };

/** The registration screen; success signs the new customer in. */
export function RegisterView({
  server,
  keychain,
  onBack,
}: {
  server: ServerInfo;
  keychain: KeychainStatus;
  onBack(): void;
}) {
  const registerAccount = useSessionStore((state) => state.register);
  const [photo, setPhoto] = useState<PhotoUpload | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const clearFormError = () => setFormError(null);
  const form = useSchemaForm(registerSchema, EMPTY);
  const { errors, busy } = form;

  const submit = form.handleSubmit(async (values) => {
    const result = await registerAccount(photo ? { ...values, photo } : values);
    if (result.ok) form.reset();
    else setFormError(applyServerError(result.error, FIELDS, form.setServerErrors));
  }, clearFormError);

  return (
    <AuthLayout
      title="Create your account"
      lede="It takes a minute. You will be signed in right away."
      server={server}
    >
      <ErrorAlert message={formError} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="form-lock" disabled={busy}>
          <TextField
            label="Email"
            type="email"
            autoFocus
            autoComplete="email"
            binding={form.field('email')}
            error={errors.email?.message}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            binding={form.field('password')}
            error={errors.password?.message}
            hint="At least 3 characters."
          />
          <div className="field-row">
            <TextField
              label="First name"
              autoComplete="given-name"
              binding={form.field('firstName')}
              error={errors.firstName?.message}
            />
            <TextField
              label="Last name"
              autoComplete="family-name"
              binding={form.field('lastName')}
              error={errors.lastName?.message}
            />
          </div>
          <PhotoPicker label="Photo (optional)" onChange={setPhoto} disabled={busy} />
          <RememberMeField binding={form.checkbox('rememberMe')} keychain={keychain} />
          <BusyButton type="submit" busy={busy} busyText="Creating account…" className="wide">
            Create account
          </BusyButton>
        </fieldset>
      </form>
      <p className="auth-alt">
        Already have an account?{' '}
        <LinkButton onClick={onBack} disabled={busy}>
          Back to sign in
        </LinkButton>
      </p>
    </AuthLayout>
  );
}
