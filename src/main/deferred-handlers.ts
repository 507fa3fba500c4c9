import type { Channel, ChannelHandlers } from '../shared/contract';
import { CHANNELS } from '../shared/contract';
import { fail } from '../shared/result';
import { correlationId } from './core/log';
import type { IpcLogger } from './ipc';

/**
 * Handlers that wait for the core: the window opens (and IPC is registered) before the embedded
 * server and the keychain are ready, so first paint never waits on them.
 */
export function createDeferredHandlers(
  ready: Promise<ChannelHandlers>,
  logger: IpcLogger,
  newCorrelationId: () => string = correlationId,
): ChannelHandlers {
  let reported: string | undefined;
  const handlers: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(CHANNELS) as Channel[]) {
    handlers[channel] = async (request) => {
      let core: ChannelHandlers;
      try {
        core = await ready;
      } catch (error) {
        // One correlation id for the start-up failure, however many calls hit it.
        if (reported === undefined) {
          reported = newCorrelationId();
          logger.error('app', 'core failed to start', {
            correlationId: reported,
            detail: error instanceof Error ? `${error.name}: ${error.message}` : typeof error,
          });
        }
        return fail('internal', 'The app could not start. Please restart it.', {
          correlationId: reported,
        });
      }
      return (core[channel] as (request: unknown) => Promise<unknown>)(request);
    };
  }
  return handlers as unknown as ChannelHandlers;
}
