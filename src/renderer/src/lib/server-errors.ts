import type { AppError } from '@shared/result';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage } from './messages';

/**
 * Puts a failed call's error on a form: each `validation` field message under its field (the
 * first one focused), and returns the text for the form's alert. Messages for fields the form
 * does not show are appended to that text so none is silently dropped.
 */
export function applyServerError<T extends FieldValues>(
  error: AppError,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string {
  const summary = errorMessage(error);
  if (error.code !== 'validation' || !error.fields) return summary;
  const orphans: string[] = [];
  let focused = false;
  for (const [key, messages] of Object.entries(error.fields)) {
    const text = messages?.join(' ');
    if (!text) continue;
    const field = fields.find((name) => name === key);
    if (field) {
      setError(field, { type: 'server', message: text }, { shouldFocus: !focused });
      focused = true;
    } else {
      orphans.push(text);
    }
  }
  return [summary, ...orphans].join(' ');
}
