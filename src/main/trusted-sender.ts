/**
 * Decides whether an IPC call comes from the app's own renderer: the top-level frame showing the
 * page main loaded. URLs are compared after parsing, never by string prefix
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `candidate` is the same page as `expected`: same file, or same http(s) origin. */
export function isSameAppPage(expected: URL, candidate: string): boolean {
  const actual = parse(candidate);
  if (!actual) return false;
  if (expected.protocol === 'file:') {
    return (
      actual.protocol === 'file:' &&
      actual.host === expected.host &&
      decodeURIComponent(actual.pathname) === decodeURIComponent(expected.pathname)
    );
  }
  if (expected.protocol !== 'http:' && expected.protocol !== 'https:') return false;
  return actual.protocol === expected.protocol && actual.origin === expected.origin;
}

/**
 * Builds `isTrustedSender(frame)` for the page main loads (`rendererUrl`: the packaged
 * `file://.../index.html` or the dev server URL). Subframes and any other page are untrusted.
 */
export function createTrustedSenderCheck(
  rendererUrl: string,
): (frame: FrameLike | null | undefined) => boolean {
  const expected = parse(rendererUrl);
  if (!expected) throw new Error('The renderer URL is not a valid URL.');
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    return isSameAppPage(expected, frame.url);
  };
}
