import { ERROR_CODES, type AppError, type ErrorCode } from '@shared/result';
import { describe, expect, it } from 'vitest';
import { errorMessage, signedOutMessage } from './messages';

const error = (code: ErrorCode, extra: Partial<AppError> = {}): AppError => ({
  code,
  message: 'raw text from main',
  ...extra,
});

describe('errorMessage', () => {
  it.each([
    ['invalid_credentials', 'The email or password is incorrect.'],
    ['network', 'Cannot reach the Cliqnship server. Check your connection and try again.'],
    ['server', 'The Cliqnship server had a problem. Try again in a moment.'],
    ['session_expired', 'Your session has ended. Please sign in again.'],
    ['keychain_unavailable', 'Your system keychain is unavailable.'],
    ['validation', 'Please correct the highlighted fields.'],
    ['bad_request', 'Something went wrong in the app.'],
    ['forbidden', 'Something went wrong in the app.'],
    ['internal', 'Something went wrong in the app.'],
  ] as const)('says the agreed sentence for %s', (code, text) => {
    expect(errorMessage(error(code))).toBe(text);
  });

  it('has a sentence of its own for every code, never the raw message', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage(error(code))).not.toBe('raw text from main');
    }
  });

  it('tells how long to wait when rate limited', () => {
    expect(errorMessage(error('rate_limited', { retryAfter: 42 }))).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(errorMessage(error('rate_limited'))).toBe('Too many attempts. Try again in a minute.');
  });

  it('adds the correlation id for app faults', () => {
    expect(errorMessage(error('internal', { correlationId: 'c0ffee' }))).toBe(
      'Something went wrong in the app. (ref c0ffee)',
    );
  });

  it('rejects an unknown code at compile time and at run time', () => {
    // @ts-expect-error: not an ErrorCode, so the exhaustive switch does not accept it.
    expect(() => errorMessage(error('teapot'))).toThrow(/Unhandled case/);
  });
});

describe('signedOutMessage', () => {
  it('explains each reason, and says nothing for a plain signed-out start', () => {
    expect(signedOutMessage('session_expired')).toBe(
      'Your session has ended. Please sign in again.',
    );
    expect(signedOutMessage('user_signed_out')).toBe('You have signed out.');
    expect(signedOutMessage('stored_session_unreadable')).toBe(
      'Your saved session could not be read. Please sign in again.',
    );
    expect(signedOutMessage('not_signed_in')).toBeNull();
  });
});
