import type { AppError, Result } from '@shared/result';
import type { ProfileUpdateRequest } from '@shared/schemas';
import type { Profile } from '@shared/views';
import { create } from 'zustand';
import * as api from '../lib/api';

/** The signed-in customer's profile. */
export interface ProfileState {
  profile: Profile | null;
  loading: boolean;
  /** Why the last `profile:get` failed, if it did. */
  error: AppError | null;
  load(): Promise<void>;
  update(request: ProfileUpdateRequest): Promise<Result<Profile>>;
  /** Forgets the profile (on sign-out, so the next user never sees it). */
  clear(): void;
}

// Bumped by clear(): an answer that arrives after a sign-out must not bring the profile back.
let generation = 0;

/** The zustand store behind the profile screen. */
export const useProfileStore = create<ProfileState>()((set) => ({
  profile: null,
  loading: false,
  error: null,
  async load() {
    const started = generation;
    set({ loading: true, error: null });
    const result = await api.getProfile();
    if (started !== generation) return;
    if (result.ok) set({ profile: result.value, loading: false });
    else set({ error: result.error, loading: false });
  },
  async update(request) {
    const started = generation;
    const result = await api.updateProfile(request);
    if (result.ok && started === generation) set({ profile: result.value, error: null });
    return result;
  },
  clear() {
    generation += 1;
    set({ profile: null, loading: false, error: null });
  },
}));
