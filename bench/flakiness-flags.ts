import { parseArgs } from 'node:util';
import { ConfigError } from '../harness/errors/index.ts';

/** The flags of `npm run bench:flaky`. */
export interface FlakinessFlags {
  // How many times the library runs.
  readonly runs: number;
  // Scenarios in parallel within each run (`npm run scenarios -- --workers W`).
  readonly workers: number;
}

export const FLAKINESS_USAGE = 'Usage: npm run bench:flaky -- [--runs N] [--workers W]\n\n  --runs N     runs of the whole library, 1 or more (default 10)\n  --workers W  scenarios in parallel per run, 1 to 16 (default 2)';

const wholeNumber = (flag: string, value: string | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max)) {
    const range = max === Infinity ? 'of 1 or more' : `from 1 to ${max}`;
    throw new ConfigError('command line', `✖ --${flag} expects a whole number ${range}, got "${value}"\n\n${FLAKINESS_USAGE}`);
  }
  return n;
};

/**
 * Parses the bench's command line.
 * @throws ConfigError naming the bad flag and the value it expects.
 */
export const parseFlakinessFlags = (argv: readonly string[]): FlakinessFlags => {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { runs: { type: 'string' }, workers: { type: 'string' } } }));
  } catch (error) {
    throw new ConfigError('command line', `✖ ${(error as Error).message}\n\n${FLAKINESS_USAGE}`, { cause: error });
  }
  // 16: the most `odoo-harness run --workers` accepts.
  return { runs: wholeNumber('runs', values.runs, 10, Infinity), workers: wholeNumber('workers', values.workers, 2, 16) };
};
