/// <reference types="vite/client" />
import type { CliqnshipApi } from '@shared/contract';

declare global {
  interface Window {
    /** The bridge to main, built by the preload (or the e2e bridge) from the shared contract. */
    readonly cliqnship: CliqnshipApi;
  }
}
