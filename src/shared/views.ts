/** View data that crosses the bridge: what the renderer may know. No tokens, no secrets. */

/** Where the keychain stands for this run of the app. */
export type KeychainStatus = 'available' | 'unavailable';

/** Why the session is signed out (shown to the user on the sign-in screen). */
export type SignedOutReason =
  'not_signed_in' | 'user_signed_out' | 'session_expired' | 'stored_session_unreadable';

/** Which API server the app talks to. */
export interface ServerInfo {
  /** Base URL, e.g. `https://api.example.com` or `http://127.0.0.1:8000`. */
  url: string;
  /** True for a loopback server (the embedded local one). */
  isLocal: boolean;
}

/** The signed-in user, as far as the session knows it. */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
}

/** The session as the renderer sees it. */
export type SessionView =
  | {
      state: 'signed_out';
      server: ServerInfo;
      keychain: KeychainStatus;
      reason: SignedOutReason;
    }
  | {
      state: 'signed_in';
      server: ServerInfo;
      keychain: KeychainStatus;
      user: SessionUser;
      /** True when the session is in the keychain and survives a restart. */
      remembered: boolean;
      /** True when "keep me signed in" was asked for but the keychain could not keep it. */
      rememberFailed: boolean;
    };

/** The customer profile (API §10.1), flattened for the views. */
export interface Profile {
  id: number;
  accountId: string;
  email: string;
  userGroup: string;
  firstName: string;
  middleName: string;
  lastName: string;
  gender: 'male' | 'female';
  /**
   * The server never returns a birthdate; this is the one last saved from this app for this
   * account, or null.
   */
  birthdate: string | null;
  /** The photo's URL on the server, or null. */
  imageUrl: string | null;
  /** The photo as a data: URL fetched by main (the renderer's CSP allows no remote images). */
  imageDataUrl: string | null;
}
