import { OdooServerError, OdooTransportError } from './errors.ts';

// What Odoo answers while it shuts down or starts (a restart): its database connections are
// closed under the request that was being served.
const SHUTDOWN_FAULT = /InterfaceError|PoolError|terminating connection|server closed the connection|connection already closed|cursor already closed/;

/**
 * True when a call failed because the server went away or is coming back (a restart), not
 * because of what it was asked: no answer at all, or a database fault of a server shutting down.
 * Only calls that are safe to repeat (a login, a database copy) are retried on it.
 */
export const isServerGoingAway = (error: unknown): boolean =>
  error instanceof OdooTransportError || (error instanceof Error && (error instanceof OdooServerError || error.name === 'HarnessError' || error.name === 'InfrastructureError') && SHUTDOWN_FAULT.test(error.message));

/** Runs `attempt` again (up to `tries` in all, pausing between) while it fails because the server went away. */
export const retryWhileServerGoesAway = async <T>(attempt: () => Promise<T>, tries = 3, pauseMs = 2_000): Promise<T> => {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= tries || !isServerGoingAway(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * n));
    }
  }
};

/**
 * Matches the message of a scenario that failed because Odoo restarted under it (a call cut by
 * the restart, see HttpChannel, or Odoo shutting down under it): such a scenario is run once more
 * on a fresh copy. A RegExp on the message, since vitest (4.1) drops a function given as a test's
 * retry condition and then retries every failure, which would hide flaky scenarios.
 */
export const INTERRUPTED_BY_RESTART = new RegExp(`whether the call was committed is unknown|did not come back within|${SHUTDOWN_FAULT.source}`);
