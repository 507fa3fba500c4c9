import type * as z from 'zod/mini';
import type { Result } from './result';
import { noArgsSchema, profileUpdateSchema, registerSchema, signInSchema } from './schemas';
import type { Channel } from './channels';
import type { Profile, SessionView } from './views';

import type { EVENTS } from './channels';

export { CHANNEL_NAMES, EVENTS, type Channel } from './channels';

/**
 * The IPC contract: every channel (`area:verb`, request schema) and every event (`area:changed`).
 * Main, preload, the e2e bridge and the renderer all derive their types from this one file.
 */
export const CHANNELS = {
  'session:get': noArgsSchema,
  'session:signIn': signInSchema,
  'session:signOut': noArgsSchema,
  'account:register': registerSchema,
  'profile:get': noArgsSchema,
  'profile:update': profileUpdateSchema,
} as const satisfies Record<Channel, z.ZodMiniType>;

/** What each channel's Result carries on success. */
export interface ChannelValues {
  'session:get': SessionView;
  'session:signIn': SessionView;
  'session:signOut': SessionView;
  'account:register': SessionView;
  'profile:get': Profile;
  'profile:update': Profile;
}

/** Events main pushes to the renderer, with their payloads. */
export interface EventPayloads {
  'session:changed': SessionView;
}

export type EventName = keyof EventPayloads;

// Compile-time guard: EVENTS (channels.ts) lists exactly the events that have payload types.
type MissingEvents = Exclude<EventName, (typeof EVENTS)[number]>;
type UntypedEvents = Exclude<(typeof EVENTS)[number], EventName>;
const eventListIsComplete: [MissingEvents | UntypedEvents] extends [never] ? true : false = true;
void eventListIsComplete;
export type ChannelRequest<C extends Channel> = z.infer<(typeof CHANNELS)[C]>;
export type ChannelResult<C extends Channel> = Result<ChannelValues[C]>;

/** Main's side: one handler per channel, given an already validated request. */
export type ChannelHandlers = {
  [C in Channel]: (request: ChannelRequest<C>) => Promise<ChannelResult<C>>;
};

/** Sends one request over whatever transport (Electron IPC, the e2e bridge, a test). */
export type Invoke = <C extends Channel>(
  channel: C,
  request: ChannelRequest<C>,
) => Promise<ChannelResult<C>>;

/** Subscribes to one event; returns the unsubscribe function. */
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
) => () => void;

type AreaOf<Name> = Name extends `${infer Area}:${string}` ? Area : never;
type VerbOf<Name> = Name extends `${string}:${infer Verb}` ? Verb : never;
type Area = AreaOf<Channel | EventName>;

type ChannelFunction<C extends Channel> =
  ChannelRequest<C> extends undefined
    ? () => Promise<ChannelResult<C>>
    : (request: ChannelRequest<C>) => Promise<ChannelResult<C>>;

type AreaApi<A extends Area> = {
  [C in Channel as AreaOf<C> extends A ? VerbOf<C> : never]: ChannelFunction<C>;
} & {
  [E in EventName as AreaOf<E> extends A ? `on${Capitalize<VerbOf<E>>}` : never]: (
    listener: (payload: EventPayloads[E]) => void,
  ) => () => void;
};

/** `window.cliqnship`: one function per channel, one `onX` subscription per event. */
export type CliqnshipApi = { readonly [A in Area]: Readonly<AreaApi<A>> };
