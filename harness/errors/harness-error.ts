/** Base class of every error the harness throws, so callers can tell ours from a library's. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}
