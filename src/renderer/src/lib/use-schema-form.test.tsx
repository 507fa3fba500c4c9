import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { deferred } from '../test/fixtures';
import { useSchemaForm } from './use-schema-form';

const schema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Name required.')),
  code: z.string().check(z.regex(/^\d{3}$/, 'Three digits.')),
  agree: z.boolean(),
});

type Send = (values: z.infer<typeof schema>) => Promise<void>;

function Harness({
  send,
  initial,
  caught,
}: {
  send: Send;
  initial?: { name: string; code: string };
  caught(error: unknown): void;
}) {
  const start = { name: '', code: '', agree: false };
  const form = useSchemaForm(schema, { ...start, ...initial });
  const submit = form.handleSubmit(send);
  return (
    <form onSubmit={(event) => void submit(event).catch(caught)}>
      <input aria-label="Name" {...form.field('name')} />
      <p>{form.errors.name?.message}</p>
      <input aria-label="Code" {...form.field('code')} />
      <p>{form.errors.code?.message}</p>
      <input aria-label="Agree" type="checkbox" {...form.checkbox('agree')} />
      <button type="submit">{form.busy ? 'Busy' : 'Send'}</button>
      <button type="button" onClick={() => form.setServerErrors({ code: 'Taken.', name: 'Bad.' })}>
        Server
      </button>
      <button type="button" onClick={() => form.reset({ name: 'New', code: '', agree: true })}>
        Reset
      </button>
    </form>
  );
}

function setUp(initial?: { name: string; code: string }) {
  const send = vi.fn<Send>(async () => {});
  const caught = vi.fn();
  const user = userEvent.setup();
  render(<Harness send={send} initial={initial} caught={caught} />);
  return { user, send, caught };
}

const box = (label: string) => screen.getByLabelText(label);

/** A form that locks its fields while sending, as the app's views do. */
function LockedHarness({ send, onAttempt }: { send: Send; onAttempt(): void }) {
  const form = useSchemaForm(schema, { name: '', code: '', agree: false });
  const submit = form.handleSubmit(send, onAttempt);
  return (
    <form onSubmit={(event) => void submit(event)}>
      <fieldset disabled={form.busy}>
        <input aria-label="Name" {...form.field('name')} />
        <input aria-label="Code" {...form.field('code')} />
        <button type="submit">{form.busy ? 'Busy' : 'Send'}</button>
      </fieldset>
    </form>
  );
}

describe('useSchemaForm', () => {
  it('stays quiet when an empty field is passed through, checks one left with input', async () => {
    const { user } = setUp();
    await user.click(box('Name'));
    await user.tab();
    expect(screen.queryByText('Name required.')).toBeNull();
    await user.type(box('Code'), '12');
    expect(screen.queryByText('Three digits.')).toBeNull();
    await user.tab();
    expect(screen.getByText('Three digits.')).toBeVisible();
  });

  it('re-checks on each keystroke only while the field shows an error', async () => {
    const { user } = setUp();
    await user.type(box('Code'), '12');
    await user.tab();
    await user.type(box('Code'), '3');
    expect(screen.queryByText('Three digits.')).toBeNull();
    await user.type(box('Code'), '4');
    expect(screen.queryByText('Three digits.')).toBeNull();
  });

  it('checks a prefilled field the user cleared', async () => {
    const { user } = setUp({ name: 'Ada', code: '' });
    await user.clear(box('Name'));
    await user.tab();
    expect(screen.getByText('Name required.')).toBeVisible();
  });

  it('on submit flags every field, focuses the first invalid one and sends nothing', async () => {
    const { user, send } = setUp();
    await user.type(box('Code'), '1');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Name required.')).toBeVisible();
    expect(screen.getByText('Three digits.')).toBeVisible();
    expect(box('Name')).toHaveFocus();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the parsed values once, busy until the send settles', async () => {
    const { user, send } = setUp();
    const pending = deferred<void>();
    send.mockReturnValueOnce(pending.promise);
    await user.type(box('Name'), '  Ada ');
    await user.type(box('Code'), '123');
    await user.click(box('Agree'));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(screen.getByRole('button', { name: 'Busy' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ name: 'Ada', code: '123', agree: true });
    pending.resolve();
    expect(await screen.findByRole('button', { name: 'Send' })).toBeVisible();
    expect(box('Name')).toHaveValue('  Ada ');
  });

  it('is not left busy when the send throws, and passes the failure on', async () => {
    const { user, send, caught } = setUp({ name: 'Ada', code: '123' });
    const pending = deferred<void>();
    send.mockReturnValueOnce(pending.promise.then(() => Promise.reject(new Error('boom'))));
    const submit = screen.getByRole('button', { name: 'Send' });
    await user.click(submit);
    expect(submit).toHaveTextContent('Busy');
    pending.resolve();
    expect(await screen.findByRole('button', { name: 'Send' })).toBeVisible();
    expect(caught).toHaveBeenCalledWith(new Error('boom'));
  });

  it('keeps server errors until their own field is edited or the form is sent again', async () => {
    const { user, send } = setUp({ name: 'Ada', code: '123' });
    await user.click(screen.getByRole('button', { name: 'Server' }));
    expect(box('Name')).toHaveFocus();
    await user.tab();
    await user.click(box('Agree'));
    expect(screen.getByText('Bad.')).toBeVisible();
    expect(screen.getByText('Taken.')).toBeVisible();
    await user.type(box('Name'), 'x');
    expect(screen.queryByText('Bad.')).toBeNull();
    expect(screen.getByText('Taken.')).toBeVisible();
    await user.type(box('Code'), '{Backspace}4');
    expect(screen.queryByText('Taken.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Server' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.queryByText('Bad.')).toBeNull();
    expect(screen.queryByText('Taken.')).toBeNull();
    expect(send).toHaveBeenCalledWith({ name: 'Adax', code: '124', agree: true });
  });

  it('never writes what is typed into the HTML, where a password would be exposed', async () => {
    const { user } = setUp();
    await user.type(box('Name'), 'hunter2-typed');
    await user.type(box('Code'), '1');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Three digits.')).toBeVisible();
    expect(box('Name')).toHaveValue('hunter2-typed');
    expect(document.documentElement.outerHTML).not.toContain('hunter2-typed');
  });

  it('reset sets new starting values and clears errors', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.queryByText('Name required.')).toBeNull();
    expect(box('Name')).toHaveValue('New');
    expect(box('Agree')).toBeChecked();
    // "New" is now the starting value, so clearing it is worth a check on blur.
    await user.clear(box('Name'));
    await user.tab();
    expect(screen.getByText('Name required.')).toBeVisible();
  });

  it('runs onAttempt on every attempt, also one the schema stops, but not while sending', async () => {
    const pending = deferred<void>();
    const send = vi.fn<Send>(() => pending.promise);
    const onAttempt = vi.fn();
    const user = userEvent.setup();
    render(<LockedHarness send={send} onAttempt={onAttempt} />);
    await user.type(box('Code'), '1{Enter}');
    expect(onAttempt).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
    await user.type(box('Name'), 'Ada');
    await user.type(box('Code'), '23{Enter}');
    expect(onAttempt).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledTimes(1);
    // A second submit while sending is ignored (the fields are locked; submit the form directly).
    fireEvent.submit(box('Code').closest('form')!);
    expect(onAttempt).toHaveBeenCalledTimes(2);
    pending.resolve();
    await screen.findByRole('button', { name: 'Send' });
  });

  it('gives focus back to the field Enter was pressed in once the lock is lifted', async () => {
    const pending = deferred<void>();
    const user = userEvent.setup();
    render(<LockedHarness send={() => pending.promise} onAttempt={() => {}} />);
    await user.type(box('Name'), 'Ada');
    await user.type(box('Code'), '123{Enter}');
    expect(box('Code')).toBeDisabled();
    // Chromium drops focus to the body from a field its fieldset disables; jsdom keeps it there
    // (and ignores blur() on a disabled field), so focus lands on the body the way jsdom allows.
    const elsewhere = document.body.appendChild(document.createElement('input'));
    elsewhere.focus();
    elsewhere.remove();
    expect(document.body).toHaveFocus();
    pending.resolve();
    await screen.findByRole('button', { name: 'Send' });
    expect(box('Code')).toHaveFocus();
  });
});
