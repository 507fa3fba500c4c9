import { fieldErrorsFrom } from '@shared/schemas';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type * as z from 'zod/mini';

/*
 * Hand-written on purpose: the renderer's JavaScript must stay within 1.25x a React hello world,
 * and react-hook-form alone was 34 KB minified, more than half of what that budget leaves beyond
 * React. These forms need little: a few controlled fields checked by the shared zod/mini schemas.
 */

/** A form's values: text, select and checkbox fields. */
export type FormValues = Record<string, string | boolean | undefined>;

type Ref = (element: HTMLElement | null) => void;
type Binding<E> = { name: string; ref: Ref; onChange(event: ChangeEvent<E>): void };

/** What a text input or select spreads onto itself. */
export type FieldBinding = Binding<HTMLInputElement | HTMLSelectElement> & {
  value: string;
  onBlur(): void;
};

/** What a checkbox spreads onto itself (a box is never wrong: nothing to check on blur). */
export type CheckboxBinding = Binding<HTMLInputElement> & { checked: boolean };

/**
 * A form checked by a shared schema with "reward early, punish late" timing: a field is checked
 * when left with something typed (or after clearing a prefilled value) and re-checked on every
 * keystroke while it shows an error; everything is checked on submit, and the first invalid field
 * (in `initial`'s key order, which is the form's order) gets focus. A field merely passed through
 * stays quiet until submit: an error appearing on that blur would push the layout under the
 * pointer and swallow the click that caused the blur.
 */
export function useSchemaForm<V extends FormValues, Out>(schema: z.ZodMiniType<Out>, initial: V) {
  type Name = keyof V & string;
  // A `fromServer` message stays until that very field is edited (or the form is sent again).
  type Errors = Partial<Record<Name, { message: string; fromServer?: boolean }>>;
  const [state, setState] = useState({ values: initial, errors: {} as Errors });
  const [busy, setBusy] = useState(false);
  // Mirrors of the state, so handlers fired before the next render see the latest values.
  const current = useRef(state);
  const defaults = useRef(initial);
  const sending = useRef(false);
  const elements = useRef(new Map<string, HTMLElement | null>());

  const commit = (values: V, errors: Errors) => setState((current.current = { values, errors }));
  const focusFirst = (marked: Partial<Record<Name, unknown>>) => {
    const first = Object.keys(defaults.current).find((name) => marked[name as Name]);
    if (first) elements.current.get(first)?.focus();
  };

  /** The schema's verdict, with the first message of each field (as a resolver would show). */
  const check = (values: V) => {
    const result = schema.safeParse(values);
    const errors: Errors = {};
    const fields = result.success ? {} : fieldErrorsFrom(result.error);
    for (const [key, messages] of Object.entries(fields)) {
      if (key in values && messages[0]) errors[key as Name] = { message: messages[0] };
    }
    return { result, errors };
  };

  /** Re-checks one field against `values`, leaving every other field's error alone. */
  const checkField = (name: Name, values: V) =>
    commit(values, { ...current.current.errors, [name]: check(values).errors[name] });

  const change = (name: Name, value: string | boolean) => {
    const values = { ...current.current.values, [name]: value };
    if (current.current.errors[name]) checkField(name, values);
    else commit(values, current.current.errors);
  };

  /** Binds a text input or select; `onEdit` runs after each change the user makes. */
  const field = (name: Name, onEdit?: () => void): FieldBinding => ({
    name,
    value: String(state.values[name] ?? ''),
    ref: (element) => void elements.current.set(name, element),
    onChange: (event) => {
      change(name, event.target.value);
      onEdit?.();
    },
    onBlur: () => {
      const { values, errors } = current.current;
      // A server's verdict holds until the field is edited, and an edit re-checks it already.
      if (errors[name]?.fromServer) return;
      if ((values[name] ?? '') !== '' || (defaults.current[name] ?? '') !== '') {
        checkField(name, values);
      }
    },
  });

  /** Binds a checkbox. */
  const checkbox = (name: Name): CheckboxBinding => ({
    name,
    checked: state.values[name] === true,
    ref: (element) => void elements.current.set(name, element),
    onChange: (event) => change(name, event.target.checked),
  });

  /** Puts a failed call's messages under their fields and focuses the first of those fields. */
  const setServerErrors = (messages: Partial<Record<Name, string>>) => {
    const errors = { ...current.current.errors };
    for (const [name, message] of Object.entries(messages) as [Name, string][]) {
      errors[name] = { message, fromServer: true };
    }
    commit(current.current.values, errors);
    focusFirst(messages);
  };

  /** Starts over from `values` (default: the starting values), with no errors. */
  const reset = (values: V = defaults.current) => {
    defaults.current = values;
    commit(values, {});
  };

  /** A submit handler: checks everything, then awaits `send` with the parsed values. */
  const handleSubmit = (send: (values: Out) => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (sending.current) return;
    const { values } = current.current;
    const { result, errors } = check(values);
    commit(values, errors);
    if (!result.success) return focusFirst(errors);
    sending.current = true;
    setBusy(true);
    try {
      await send(result.data);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return { errors: state.errors, busy, field, checkbox, setServerErrors, reset, handleSubmit };
}
