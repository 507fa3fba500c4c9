import { signInSchema } from '@shared/schemas';
import type { SessionView } from '@shared/views';
import { useState } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { BusyButton } from '../components/BusyButton';
import { LinkButton } from '../components/LinkButton';
import { ErrorAlert, StatusBanner } from '../components/Messages';
import { RememberMeField } from '../components/RememberMeField';
import { TextField } from '../components/TextField';
import { signedOutMessage } from '../lib/messages';
import { applyServerError } from '../lib/server-errors';
import { useSchemaForm } from '../lib/use-schema-form';
import { useSessionStore } from '../stores/session-store';

type SignedOut = Extract<SessionView, { state: 'signed_out' }>;

const FIELDS = ['email', 'password'] as const;
const EMPTY = { email: '', password: '', rememberMe: false };

/** The sign-in screen: email, password, "Keep me signed in", and the way to register. */
export function SignInView({
  view,
  onCreateAccount,
}: {
  view: SignedOut;
  onCreateAccount(): void;
}) {
  const signIn = useSessionStore((state) => state.signIn);
  const [formError, setFormError] = useState<string | null>(null);
  // Once a form error has replaced the sign-out reason, the reason stays gone: it is old news.
  const [reasonReplaced, setReasonReplaced] = useState(false);
  const clearFormError = () => setFormError(null);
  const form = useSchemaForm(signInSchema, EMPTY);
  const { errors, busy } = form;

  const submit = form.handleSubmit(async (values) => {
    const result = await signIn(values);
    if (result.ok) {
      form.reset(EMPTY);
    } else {
      setFormError(applyServerError(result.error, FIELDS, form.setServerErrors));
      setReasonReplaced(true);
    }
  }, clearFormError);

  const reason = formError || reasonReplaced ? null : signedOutMessage(view.reason);
  const reasonIsProblem = view.reason !== 'user_signed_out';

  return (
    <AuthLayout
      title="Sign in to Cliqnship"
      lede="Welcome back. Sign in to continue."
      server={view.server}
    >
      {reason && reasonIsProblem ? <ErrorAlert message={reason} /> : null}
      {reason && !reasonIsProblem ? <StatusBanner message={reason} tone="info" /> : null}
      <ErrorAlert message={formError} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="form-lock" disabled={busy}>
          <TextField
            label="Email"
            type="email"
            autoFocus
            autoComplete="username"
            binding={form.field('email')}
            error={errors.email?.message}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            binding={form.field('password')}
            error={errors.password?.message}
          />
          <RememberMeField binding={form.checkbox('rememberMe')} keychain={view.keychain} />
          <BusyButton type="submit" busy={busy} busyText="Signing in…" className="wide">
            Sign in
          </BusyButton>
        </fieldset>
      </form>
      <p className="auth-alt">
        New to Cliqnship?{' '}
        <LinkButton onClick={onCreateAccount} disabled={busy}>
          Create an account
        </LinkButton>
      </p>
    </AuthLayout>
  );
}
