/** Runs async operations one at a time, in call order; a failure does not block later ones. */
export type SerialQueue = <T>(op: () => Promise<T>) => Promise<T>;

/** Creates an empty queue. */
export function createSerialQueue(): SerialQueue {
  let chain: Promise<unknown> = Promise.resolve();
  return (op) => {
    const next = chain.then(op, op);
    chain = next.catch(() => undefined);
    return next;
  };
}
