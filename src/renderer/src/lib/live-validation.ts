import type { FieldValues, Path, RegisterOptions, UseFormReturn } from 'react-hook-form';

/** Validation timing shared by every form; the per-field part is {@link liveRegister}. */
export const LIVE_VALIDATION = { mode: 'onSubmit', reValidateMode: 'onChange' } as const;

type ChangeLike = { target: { value?: unknown; type?: string } };

/**
 * `register` with "reward early, punish late" validation: a field is checked when the user leaves
 * it with something typed (or after clearing a prefilled value), and re-checked on every keystroke
 * while it shows an error. A field the user merely passed through stays quiet until submit: an
 * error appearing on that blur would push the layout under the pointer and swallow the click
 * that caused the blur (a checkbox, "Create an account", the file picker).
 */
export function liveRegister<T extends FieldValues>(form: UseFormReturn<T>) {
  return <N extends Path<T>>(name: N, options: RegisterOptions<T, N> = {}) =>
    form.register(name, {
      ...options,
      onBlur: (event: ChangeLike) => {
        const value = event.target.value ?? '';
        const initial = (form.formState.defaultValues as Record<string, unknown> | undefined)?.[
          name
        ];
        if (value !== '' || (initial ?? '') !== '') void form.trigger(name);
        options.onBlur?.(event);
      },
      onChange: (event: ChangeLike) => {
        if (form.getFieldState(name).error) void form.trigger(name);
        options.onChange?.(event);
      },
    });
}
