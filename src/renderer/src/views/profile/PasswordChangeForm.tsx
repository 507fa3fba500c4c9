import { passwordChangeFormSchema, type PasswordChangeForm as Values } from '@shared/schemas';
import { useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert, StatusBanner } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { applyServerError } from '../../lib/server-errors';
import { useSchemaForm } from '../../lib/use-schema-form';
import { useProfileStore } from '../../stores/profile-store';

const FIELDS = ['newPassword', 'confirmPassword'] as const;
const EMPTY: Values = { newPassword: '', confirmPassword: '' };

/** The new password typed twice; the fields are emptied once the change succeeds. */
export function PasswordChangeForm() {
  const update = useProfileStore((state) => state.update);
  const [formError, setFormError] = useState<string | null>(null);
  // True from a successful change until the next edit: the fields are empty then, and Enter
  // pressed again (key repeat, impatience) must not flag them under "Password changed.".
  const [done, setDone] = useState(false);
  const form = useSchemaForm(passwordChangeFormSchema, EMPTY);
  const { errors, busy } = form;

  const clearMessages = () => {
    setFormError(null);
    setDone(false);
  };

  const submit = form.handleSubmit(async ({ newPassword }) => {
    const result = await update({ newPassword });
    if (result.ok) {
      form.reset(EMPTY);
      setDone(true);
    } else {
      setFormError(applyServerError(result.error, FIELDS, form.setServerErrors));
    }
  }, clearMessages);

  const edited = () => setDone(false);

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          if (done) event.preventDefault();
          else void submit(event);
        }}
      >
        <StatusBanner message={done ? 'Password changed.' : null} />
        <ErrorAlert message={formError} />
        <fieldset className="form-lock" disabled={busy}>
          <div className="field-row">
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              binding={form.field('newPassword', edited)}
              error={errors.newPassword?.message}
              hint="At least 3 characters."
            />
            <TextField
              label="Confirm new password"
              type="password"
              autoComplete="new-password"
              binding={form.field('confirmPassword', edited)}
              error={errors.confirmPassword?.message}
            />
          </div>
          <div className="form-actions">
            <BusyButton type="submit" busy={busy} busyText="Changing password…">
              Change password
            </BusyButton>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
