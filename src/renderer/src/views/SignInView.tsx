import { zodResolver } from '@hookform/resolvers/zod';
import { signInSchema, type SignInRequest } from '@shared/schemas';
import type { SessionView } from '@shared/views';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { AuthLayout } from '../components/AuthLayout';
import { BusyButton } from '../components/BusyButton';
import { LinkButton } from '../components/LinkButton';
import { ErrorAlert, StatusBanner } from '../components/Messages';
import { TextField } from '../components/TextField';
import { KEYCHAIN_NOTICE, signedOutMessage } from '../lib/messages';
import { LIVE_VALIDATION, liveRegister } from '../lib/live-validation';
import { applyServerError } from '../lib/server-errors';
import { useSessionStore } from '../stores/session-store';

type SignedOut = Extract<SessionView, { state: 'signed_out' }>;

const FIELDS = ['email', 'password'] as const;

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
  const rememberId = useId();
  const hintId = `${rememberId}-hint`;
  const keychainDown = view.keychain === 'unavailable';
  const form = useForm<SignInRequest>({
    resolver: zodResolver(signInSchema),
    ...LIVE_VALIDATION,
    defaultValues: { email: '', password: '', rememberMe: false },
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
    const result = await signIn(values);
    if (result.ok) reset({ email: '', password: '', rememberMe: false });
    else setFormError(applyServerError(result.error, FIELDS, setError));
  });

  const reason = formError ? null : signedOutMessage(view.reason);
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
        <TextField
          label="Email"
          type="email"
          autoFocus
          autoComplete="username"
          registration={register('email')}
          error={errors.email?.message}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          registration={register('password')}
          error={errors.password?.message}
        />
        <div className="checkbox-field">
          <input
            id={rememberId}
            type="checkbox"
            {...register('rememberMe')}
            aria-describedby={keychainDown ? hintId : undefined}
          />
          <label htmlFor={rememberId}>Keep me signed in</label>
        </div>
        {keychainDown ? (
          <p id={hintId} className="field-hint hint-warning" role="status">
            {KEYCHAIN_NOTICE}
          </p>
        ) : null}
        <BusyButton type="submit" busy={isSubmitting} busyText="Signing in…" className="wide">
          Sign in
        </BusyButton>
      </form>
      <p className="auth-alt">
        New to Cliqnship?{' '}
        <LinkButton onClick={onCreateAccount} disabled={isSubmitting}>
          Create an account
        </LinkButton>
      </p>
    </AuthLayout>
  );
}
