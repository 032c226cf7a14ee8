import { toMs, type Duration, type VirtualClock } from '../../mocks/shared/index.ts';

/** How long `eventually` waits, how often it tries, and on which clock. */
export interface EventuallyOptions {
  // How long to wait at most: virtual time with `clock`, real time without.
  readonly within: Duration;
  // Between two tries (default: a tenth of `within`, at least 1 ms on virtual time, 50 ms real).
  readonly every?: Duration;
  // The scenario's clock, for an integration that runs on it: each wait advances it (its jobs run),
  // and no real time passes. Without it the wait is real and bounded by `within`.
  readonly clock?: VirtualClock;
}

/** `eventually` gave up: what was awaited, for how long, and how it last failed. */
export class EventuallyTimeoutError extends Error {
  // The error's name, as printed before its message.
  override readonly name = 'EventuallyTimeoutError';
  constructor(
    // The outcome awaited, in business words (eventually's first argument).
    readonly what: string,
    // How long it waited, e.g. `virtual 30s`.
    readonly waited: string,
    // How many times the check ran.
    readonly tries: number,
    // What the last check threw (also the error's cause).
    readonly lastFailure: unknown,
  ) {
    const last = lastFailure instanceof Error ? lastFailure.message : String(lastFailure);
    super(`✖ ${what}: still not so after ${waited} (${tries} tries). Last try: ${last.split('\n')[0]}`, { cause: lastFailure });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `check` passes (returns without throwing) and returns what it returned: for an
 * integration that answers in its own time (another process, a queue). `what` names the outcome
 * awaited, in business words, for the error.
 * @throws EventuallyTimeoutError after `within`, with the last failure as its cause.
 * @example
 * await eventually('order #1001 is a confirmed sale order in Odoo', async () => expect(await saleOrderFor(odoo, 'ord_0001')).toMatchObject({ state: 'sale' }), { within: '30s' });
 */
export const eventually = async <T>(what: string, check: () => Promise<T> | T, options: EventuallyOptions): Promise<T> => {
  const withinMs = toMs(options.within);
  if (!(withinMs > 0)) throw new Error(`eventually("${what}"): within must be a positive duration, got ${String(options.within)}`);
  const everyMs = options.every === undefined ? Math.max(options.clock ? 1 : 50, Math.floor(withinMs / 10)) : toMs(options.every);
  const { clock } = options;
  const started = clock ? clock.now() : Date.now();
  const elapsed = () => (clock ? clock.now() : Date.now()) - started;
  let tries = 0;
  for (;;) {
    tries++;
    try {
      return await check();
    } catch (failure) {
      if (elapsed() >= withinMs) throw new EventuallyTimeoutError(what, `${clock ? 'virtual ' : ''}${options.within}${typeof options.within === 'number' ? ' ms' : ''}`, tries, failure);
    }
    const wait = Math.min(everyMs, withinMs - elapsed());
    if (clock) clock.advance(wait);
    else await sleep(wait);
  }
};
