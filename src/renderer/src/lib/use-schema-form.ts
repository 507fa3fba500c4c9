import { fieldErrorsFrom } from '@shared/schemas';
import { useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type * as z from 'zod/mini';

/*
 * Hand-written on purpose: the renderer's JavaScript must stay within 1.25x a React hello world,
 * and react-hook-form alone was 34 KB minified, more than half of what that budget leaves beyond
 * React. These forms need little: a few fields checked by the shared zod/mini schemas.
 */

/** A form's values: text, select and checkbox fields. */
export type FormValues = Record<string, string | boolean | undefined>;

type Control = HTMLInputElement | HTMLSelectElement;
type Binding<E> = {
  name: string;
  ref(element: Control | null): void;
  onChange(event: ChangeEvent<E>): void;
};

/** What a text input or select spreads onto itself. */
export type FieldBinding = Binding<Control> & { defaultValue: string; onBlur(): void };

/** What a checkbox spreads onto itself (a box is never wrong: nothing to check on blur). */
export type CheckboxBinding = Binding<HTMLInputElement> & { defaultChecked: boolean };

/**
 * A form checked by a shared schema with "reward early, punish late" timing: a field is checked
 * when left with something typed (or after clearing a prefilled value) and re-checked on every
 * keystroke while it shows an error; everything is checked on submit, and the first invalid field
 * (in `initial`'s key order, which is the form's order) gets focus. A field merely passed through
 * stays quiet until submit: an error appearing on that blur would push the layout under the
 * pointer and swallow the click that caused the blur.
 *
 * Inputs are uncontrolled: React mirrors a controlled input's value into its `value` attribute,
 * which would put typed passwords into the page's HTML.
 */
export function useSchemaForm<V extends FormValues, Out>(schema: z.ZodMiniType<Out>, initial: V) {
  type Name = keyof V & string;
  // A `fromServer` message stays until that very field is edited (or the form is sent again).
  type Errors = Partial<Record<Name, { message: string; fromServer?: boolean }>>;
  const [defaults, setDefaults] = useState(initial);
  const [errors, setErrorState] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // Read by handlers that may fire before the next render.
  const values = useRef(initial);
  const currentErrors = useRef(errors);
  const sending = useRef(false);
  const elements = useRef(new Map<string, Control | null>());
  // Views lock their fields (a disabled fieldset) while sending, and a disabled field cannot take
  // focus: a focus asked for then, or lost to the lock, is given once the lock is lifted.
  const focusAfterSend = useRef<Control | null>(null);
  const focusedAtSend = useRef<Control | null>(null);

  useLayoutEffect(() => {
    if (busy) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    const target = focusAfterSend.current ?? (lost ? focusedAtSend.current : null);
    focusAfterSend.current = focusedAtSend.current = null;
    if (target?.isConnected) target.focus();
  }, [busy]);

  const setErrors = (next: Errors) => setErrorState((currentErrors.current = next));
  const focusFirst = (marked: Partial<Record<Name, unknown>>) => {
    const first = Object.keys(initial).find((name) => marked[name as Name]);
    const element = first ? elements.current.get(first) : null;
    if (sending.current) focusAfterSend.current = element ?? null;
    else element?.focus();
  };

  /** The schema's verdict, with the first message of each field (as a resolver would show). */
  const check = () => {
    const result = schema.safeParse(values.current);
    const found: Errors = {};
    const fields = result.success ? {} : fieldErrorsFrom(result.error);
    for (const [key, messages] of Object.entries(fields)) {
      if (key in initial && messages[0]) found[key as Name] = { message: messages[0] };
    }
    return { result, found };
  };

  /** Re-checks one field, leaving every other field's error alone. */
  const checkField = (name: Name) =>
    setErrors({ ...currentErrors.current, [name]: check().found[name] });

  const change = (name: Name, value: string | boolean) => {
    values.current = { ...values.current, [name]: value };
    if (currentErrors.current[name]) checkField(name);
  };

  /** Binds a text input or select; `onEdit` runs after each change the user makes. */
  const field = (name: Name, onEdit?: () => void): FieldBinding => ({
    name,
    defaultValue: String(defaults[name] ?? ''),
    ref: (element) => void elements.current.set(name, element),
    onChange: (event) => {
      change(name, event.target.value);
      onEdit?.();
    },
    onBlur: () => {
      // A server's verdict holds until the field is edited, and an edit re-checks it already.
      if (currentErrors.current[name]?.fromServer) return;
      if ((values.current[name] ?? '') !== '' || (defaults[name] ?? '') !== '') checkField(name);
    },
  });

  /** Binds a checkbox. */
  const checkbox = (name: Name): CheckboxBinding => ({
    name,
    defaultChecked: defaults[name] === true,
    ref: (element) => void elements.current.set(name, element),
    onChange: (event) => change(name, event.target.checked),
  });

  /** Puts a failed call's messages under their fields and focuses the first of those fields. */
  const setServerErrors = (messages: Partial<Record<Name, string>>) => {
    const next = { ...currentErrors.current };
    for (const [name, message] of Object.entries(messages) as [Name, string][]) {
      next[name] = { message, fromServer: true };
    }
    setErrors(next);
    focusFirst(messages);
  };

  /** Starts over from `next` (default: the starting values), with no errors. */
  const reset = (next: V = defaults) => {
    values.current = next;
    setDefaults(next);
    setErrors({});
    for (const [name, element] of elements.current) {
      if (element?.type === 'checkbox') (element as HTMLInputElement).checked = next[name] === true;
      else if (element) element.value = String(next[name] ?? '');
    }
  };

  /**
   * A submit handler: checks everything, then awaits `send` with the parsed values. `onAttempt`
   * runs first on every attempt, also one the schema stops, so a form-level message from the
   * previous attempt never sits beside this attempt's field errors.
   */
  const handleSubmit =
    (send: (parsed: Out) => Promise<void>, onAttempt?: () => void) => async (event?: FormEvent) => {
      event?.preventDefault();
      if (sending.current) return;
      onAttempt?.();
      const { result, found } = check();
      setErrors(found);
      if (!result.success) return focusFirst(found);
      sending.current = true;
      const active = document.activeElement;
      focusedAtSend.current = [...elements.current.values()].find((el) => el === active) ?? null;
      setBusy(true);
      try {
        await send(result.data);
      } finally {
        sending.current = false;
        setBusy(false);
      }
    };

  return { errors, busy, field, checkbox, setServerErrors, reset, handleSubmit };
}
