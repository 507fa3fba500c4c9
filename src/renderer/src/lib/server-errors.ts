import type { AppError } from '@shared/result';
import { errorMessage } from './messages';

/**
 * Puts a failed call's error on a form: each `validation` field message the form shows goes to
 * `showUnderFields` (which puts them under their fields and focuses the first), and the text for
 * the form's alert is returned. Messages for fields the form does not show are appended to that
 * text so none is silently dropped.
 */
export function applyServerError<N extends string>(
  error: AppError,
  fields: readonly N[],
  showUnderFields: (messages: Partial<Record<N, string>>) => void,
): string {
  const summary = errorMessage(error);
  if (error.code !== 'validation' || !error.fields) return summary;
  const orphans: string[] = [];
  const shown: Partial<Record<N, string>> = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    const text = messages?.join(' ');
    if (!text) continue;
    const field = fields.find((name) => name === key);
    if (field) shown[field] = text;
    else orphans.push(text);
  }
  showUnderFields(shown);
  return [summary, ...orphans].join(' ');
}
