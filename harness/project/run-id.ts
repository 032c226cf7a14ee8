import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, HarnessError } from '../errors/index.ts';
import { REPORTS_DIR } from './paths.ts';

// The run's start in UTC to the second, so names sort by time; the hex tells same-second runs apart.
const RUN_ID_SHAPE = /^\d{8}T\d{6}Z-([0-9a-f]{6})$/;
const EXAMPLE = '20261202T004512Z-3f9a1c';

/** A run id: `<yyyymmdd>T<hhmmss>Z-<6 hex digits>`, e.g. `20261202T004512Z-3f9a1c`. */
export const RunId = z.string().regex(RUN_ID_SHAPE, `expected a run id such as ${EXAMPLE} (UTC yyyymmddThhmmssZ, a dash, 6 lowercase hex digits)`);
export type RunId = z.infer<typeof RunId>;

/** Whether a name has the shape of a run id (run folders are named by it). */
export const isRunId = (name: string): boolean => RUN_ID_SHAPE.test(name);

/** A new run id for a run starting at `now`. */
export const newRunId = (now: Date = new Date()): string => `${now.toISOString().replace(/[-:]|\.\d+/g, '')}-${randomBytes(3).toString('hex')}`;

/**
 * This run's id: HARNESS_RUN_ID when set, else a new one written back to HARNESS_RUN_ID, so that
 * later calls and child processes (workers, `npm run report`) agree.
 * @throws ConfigError when HARNESS_RUN_ID is set but is not a run id.
 */
export const currentRunId = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.HARNESS_RUN_ID) {
    const given = z.object({ HARNESS_RUN_ID: RunId }).safeParse({ HARNESS_RUN_ID: env.HARNESS_RUN_ID });
    if (!given.success) throw ConfigError.fromZod('environment variables', given.error);
    return given.data.HARNESS_RUN_ID;
  }
  const id = newRunId();
  env.HARNESS_RUN_ID = id;
  return id;
};

const checked = (runId: string): RegExpExecArray => {
  const match = RUN_ID_SHAPE.exec(runId);
  if (!match) throw new HarnessError(`"${runId}" is not a run id: expected one such as ${EXAMPLE}.`);
  return match;
};

/** The run id's 6 hex digits, e.g. `3f9a1c`: short enough for database names. */
export const runShortId = (runId: string): string => checked(runId)[1]!;

/** Where run folders live: `reports/runs/`. */
export const runsDirectory = (reportsDir: string = REPORTS_DIR): string => join(reportsDir, 'runs');

/** One run's folder, `reports/runs/<run-id>/`: summary, governance, JUnit and Allure results. */
export const runDirectory = (runId: string, reportsDir: string = REPORTS_DIR): string => join(runsDirectory(reportsDir), checked(runId)[0]);

/** Where the link to the last run folder lives: `reports/latest`. */
export const latestLink = (reportsDir: string = REPORTS_DIR): string => join(reportsDir, 'latest');

/** `reports/latest`: a symbolic link to the last run that ran scenarios (relative target `runs/<run-id>`). */
export const LATEST_LINK = latestLink();
