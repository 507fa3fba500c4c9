/**
 * The names of every IPC channel and event, without their schemas: what the preload (and the e2e
 * bridge's page script) needs at run time, so neither ships a validation library.
 */
export const CHANNEL_NAMES = [
  'session:get',
  'session:signIn',
  'session:signOut',
  'account:register',
  'profile:get',
  'profile:update',
] as const;

/** One contract channel (`area:verb`). */
export type Channel = (typeof CHANNEL_NAMES)[number];

/** Events main pushes to the renderer (`area:changed`). */
export const EVENTS = ['session:changed'] as const;
