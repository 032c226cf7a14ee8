import { readdir, rm } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../errors/index.ts';
import { isRunId, REPORTS_DIR, runDirectory, runsDirectory } from '../project/index.ts';
import { latestRunId } from './latest-link.ts';

const DEFAULT_KEPT_RUNS = 20;

const KeptRuns = z.object({
  HARNESS_KEEP_RUNS: z
    .string()
    .regex(/^[1-9]\d*$/, 'expected a whole number of 1 or more (run folders to keep)')
    .transform(Number)
    .optional(),
});

/**
 * How many run folders to keep: HARNESS_KEEP_RUNS, default 20.
 * @throws ConfigError when HARNESS_KEEP_RUNS is not a whole number of 1 or more.
 */
export const keptRunsFrom = (env: NodeJS.ProcessEnv = process.env): number => {
  const parsed = KeptRuns.safeParse({ HARNESS_KEEP_RUNS: env.HARNESS_KEEP_RUNS || undefined });
  if (!parsed.success) throw ConfigError.fromZod('environment variables', parsed.error);
  return parsed.data.HARNESS_KEEP_RUNS ?? DEFAULT_KEPT_RUNS;
};

/**
 * Removes all but the `keep` most recent run folders (by run id, i.e. start time). Never removes the
 * folder `reports/latest` points to, nor those in `spare`, nor anything not named like a run.
 * @returns the run ids removed.
 */
export const pruneRuns = async (keep: number, spare: readonly string[] = [], reportsDir: string = REPORTS_DIR): Promise<string[]> => {
  const entries = await readdir(runsDirectory(reportsDir), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const spared = new Set([...spare, await latestRunId(reportsDir)]);
  const newestFirst = entries.filter((e) => e.isDirectory() && isRunId(e.name)).map((e) => e.name).sort().reverse();
  const removed = newestFirst.slice(keep).filter((id) => !spared.has(id));
  // force: another run pruning at the same time may have removed the folder already.
  for (const id of removed) await rm(runDirectory(id, reportsDir), { recursive: true, force: true, maxRetries: 3 });
  return removed;
};
