import type { AppError, Result } from '@shared/result';
import type { RegisterRequest, SignInRequest } from '@shared/schemas';
import type { SessionView } from '@shared/views';
import { create } from 'zustand';
import * as api from '../lib/api';

/** The session as the renderer knows it: view data only, never a token or a password. */
export interface SessionState {
  /** null until `session:get` answers. */
  view: SessionView | null;
  /** Why `session:get` failed, if it did. */
  loadError: AppError | null;
  /** Asks main for the session (on start, or on "Try again"). */
  load(): Promise<void>;
  /** Applies a view pushed by main (`session:changed`). */
  apply(view: SessionView): void;
  signIn(request: SignInRequest): Promise<Result<SessionView>>;
  register(request: RegisterRequest): Promise<Result<SessionView>>;
  signOut(): Promise<Result<SessionView>>;
}

// Bumped by every view that arrives; a `session:get` answer older than the latest view is stale.
let revision = 0;

/** The zustand store behind every session-dependent screen. */
export const useSessionStore = create<SessionState>()((set) => {
  const applyResult = (result: Result<SessionView>): Result<SessionView> => {
    if (result.ok) {
      revision += 1;
      set({ view: result.value, loadError: null });
    }
    return result;
  };
  return {
    view: null,
    loadError: null,
    async load() {
      const asked = revision;
      set({ loadError: null });
      const result = await api.getSession();
      if (asked !== revision) return;
      if (result.ok) applyResult(result);
      else set({ loadError: result.error });
    },
    apply(view) {
      revision += 1;
      set({ view, loadError: null });
    },
    signIn: async (request) => applyResult(await api.signIn(request)),
    register: async (request) => applyResult(await api.register(request)),
    signOut: async () => applyResult(await api.signOut()),
  };
});

let sync: { users: number; stop: () => void } | null = null;

/**
 * Follows `session:changed` and loads the first view; returns the release function. Shared by
 * all callers: main.tsx starts it before React's first render (so `session:get` is already on
 * its way while React renders) and App's effect joins it; the last release unsubscribes.
 */
export function startSessionSync(): () => void {
  if (!sync) {
    const { apply, load } = useSessionStore.getState();
    sync = { users: 0, stop: api.onSessionChanged(apply) };
    void load();
  }
  const current = sync;
  current.users += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    current.users -= 1;
    if (current.users === 0 && sync === current) {
      current.stop();
      sync = null;
    }
  };
}
