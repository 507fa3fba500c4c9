/** Laravel 5.4 validation rules and messages used by registration (API §5.1, §12). */
import type { Input } from './input';

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL = new RegExp(
  `^(?:${ATEXT}(?:\\.${ATEXT})*|"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*")$`,
);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IP_LITERAL = /^\[(?:\d{1,3}\.){3}\d{1,3}\]$/;

/** PHP FILTER_VALIDATE_EMAIL, approximated: ASCII only, <= 254 chars, local part <= 64. */
export function isValidEmail(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 254 || !/^[\x20-\x7e]+$/.test(value))
    return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  if (IP_LITERAL.test(domain)) return true;
  const labels = domain.split('.');
  return labels.every((label) => LABEL.test(label));
}

/** Laravel's `required`: null, whitespace-only strings, empty arrays fail. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Human attribute name: underscores become spaces. */
export function attributeName(field: string): string {
  return field.replace(/_/g, ' ');
}

/** `The :attribute field is required.` */
export const requiredMessage = (field: string): string =>
  `The ${attributeName(field)} field is required.`;

/** Validates a registration body; returns the 422 error map (empty when valid). */
export function validateRegistration(
  input: Input,
  emailTaken: (email: string) => boolean,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  if (!isPresent(input.email)) add('email', requiredMessage('email'));
  else {
    if (!isValidEmail(input.email)) add('email', 'The email must be a valid email address.');
    if (typeof input.email === 'string' && emailTaken(input.email))
      add('email', 'The email has already been taken.');
  }
  const password = input.password;
  if (!isPresent(password)) add('password', requiredMessage('password'));
  else if (typeof password === 'object' && password !== null) {
    if (Object.keys(password).length < 3)
      add('password', 'The password must have at least 3 items.');
  } else if ([...String(password)].length < 3)
    add('password', 'The password must be at least 3 characters.');
  for (const field of ['first_name', 'last_name']) {
    if (!isPresent(input[field])) add(field, requiredMessage(field));
  }
  return errors;
}
