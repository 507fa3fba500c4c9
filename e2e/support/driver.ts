import type { Page } from '@playwright/test';
import type { CliqnshipServer } from '../../server/index';

/** What a spec drives: the app's window, the real server behind it, and a way to relaunch. */
export interface AppDriver {
  /** The app's window. */
  readonly page: Page;
  /** The local Cliqnship API server this app instance talks to. */
  readonly server: CliqnshipServer;
  /** Opens the app (first launch). */
  launch(): Promise<void>;
  /** Quits and relaunches the app with the same keychain and user data. */
  restart(): Promise<void>;
  /** Quits the app. */
  close(): Promise<void>;
}

/** Whether the OS keychain is there for this app instance. */
export type KeychainMode = 'present' | 'absent';
