import { assertNever, type AppError } from '@shared/result';
import type { SignedOutReason } from '@shared/views';

/** Summary shown above a form when the server or the schema flagged fields. */
export const VALIDATION_SUMMARY = 'Please correct the highlighted fields.';

/** Shown while signed in when the session cannot be kept across restarts. */
export const KEYCHAIN_NOTICE =
  'Your system keychain is unavailable, so you will be signed out when you quit.';

/** The sentence the user sees for an error; a new error code is a compile error here. */
export function errorMessage(error: AppError): string {
  switch (error.code) {
    case 'invalid_credentials':
      return 'The email or password is incorrect.';
    case 'network':
      return 'Cannot reach the Cliqnship server. Check your connection and try again.';
    case 'rate_limited':
      return error.retryAfter !== undefined && error.retryAfter > 0
        ? `Too many attempts. Try again in ${Math.ceil(error.retryAfter)} seconds.`
        : 'Too many attempts. Try again in a minute.';
    case 'server':
      return 'The Cliqnship server had a problem. Try again in a moment.';
    case 'session_expired':
      return 'Your session has ended. Please sign in again.';
    case 'keychain_unavailable':
      return 'Your system keychain is unavailable.';
    case 'validation':
      return VALIDATION_SUMMARY;
    case 'bad_request':
    case 'forbidden':
    case 'internal':
      return error.correlationId
        ? `Something went wrong in the app. (ref ${error.correlationId})`
        : 'Something went wrong in the app.';
    default:
      return assertNever(error.code);
  }
}

/** What the sign-in screen says about why nobody is signed in (null: say nothing). */
export function signedOutMessage(reason: SignedOutReason): string | null {
  switch (reason) {
    case 'session_expired':
      return 'Your session has ended. Please sign in again.';
    case 'user_signed_out':
      return 'You have signed out.';
    case 'stored_session_unreadable':
      return 'Your saved session could not be read. Please sign in again.';
    case 'not_signed_in':
      return null;
    default:
      return assertNever(reason);
  }
}
