import type { CliqnshipApi, Invoke, Subscribe } from './contract';
import { CHANNEL_NAMES, EVENTS } from './channels';

function split(name: string): [string, string] {
  const [area, verb] = name.split(':');
  if (!area || !verb) throw new Error(`Malformed contract name: ${name}`);
  return [area, verb];
}

/**
 * Builds `window.cliqnship` from the contract. The preload and the e2e bridge both call this, so
 * the object the renderer sees cannot drift between transports.
 */
export function buildCliqnshipApi(invoke: Invoke, subscribe: Subscribe): CliqnshipApi {
  const areas: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [area, verb] = split(channel);
    (areas[area] ??= {})[verb] = (request?: unknown) => invoke(channel, request as never);
  }
  for (const event of EVENTS) {
    const [area, verb] = split(event);
    const name = `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
    (areas[area] ??= {})[name] = (listener: (payload: unknown) => void) =>
      subscribe(event, listener as never);
  }
  for (const area of Object.values(areas)) Object.freeze(area);
  return Object.freeze(areas) as unknown as CliqnshipApi;
}
