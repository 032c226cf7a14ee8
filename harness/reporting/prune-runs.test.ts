import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runDirectory, runsDirectory } from '../project/index.ts';
import { pointLatestAt } from './latest-link.ts';
import { keptRunsFrom, pruneRuns } from './prune-runs.ts';

// Five runs, one a day, oldest first.
const RUNS = [1, 2, 3, 4, 5].map((day) => `2026120${day}T020000Z-00000${day}`);

const reportsWithRuns = async (): Promise<string> => {
  const reports = await mkdtemp(join(tmpdir(), 'oeh-prune-'));
  for (const id of RUNS) await mkdir(join(runDirectory(id, reports), 'allure-results'), { recursive: true });
  return reports;
};

test('keeps the N most recent run folders and removes the older ones', async () => {
  const reports = await reportsWithRuns();
  await pointLatestAt(RUNS[4]!, reports);
  expect(await pruneRuns(2, [], reports)).toEqual([RUNS[2], RUNS[1], RUNS[0]]);
  expect((await readdir(runsDirectory(reports))).sort()).toEqual([RUNS[3], RUNS[4]]);
});

test('never removes the run latest points to, nor a spared one, even when older than the N kept', async () => {
  const reports = await reportsWithRuns();
  await pointLatestAt(RUNS[0]!, reports);
  await pruneRuns(1, [RUNS[1]!], reports);
  expect((await readdir(runsDirectory(reports))).sort()).toEqual([RUNS[0], RUNS[1], RUNS[4]]);
});

test('leaves alone whatever is not named like a run, and a missing runs folder', async () => {
  const reports = await reportsWithRuns();
  await mkdir(join(runsDirectory(reports), 'my-notes'));
  await writeFile(join(runsDirectory(reports), '20261130T020000Z-000000'), 'a file, not a run folder');
  await pruneRuns(1, [], reports);
  expect((await readdir(runsDirectory(reports))).sort()).toEqual(['20261130T020000Z-000000', RUNS[4], 'my-notes']);
  expect(await pruneRuns(1, [], await mkdtemp(join(tmpdir(), 'oeh-prune-')))).toEqual([]);
});

test('two runs pruning at the same time do not break each other', async () => {
  const reports = await reportsWithRuns();
  await Promise.all([pruneRuns(1, [], reports), pruneRuns(1, [], reports)]);
  expect(await readdir(runsDirectory(reports))).toEqual([RUNS[4]]);
});

test('HARNESS_KEEP_RUNS: 20 by default, else a whole number of 1 or more', () => {
  expect(keptRunsFrom({})).toBe(20);
  expect(keptRunsFrom({ HARNESS_KEEP_RUNS: '' })).toBe(20);
  expect(keptRunsFrom({ HARNESS_KEEP_RUNS: '3' })).toBe(3);
  expect(() => keptRunsFrom({ HARNESS_KEEP_RUNS: '0' })).toThrow(
    'Invalid configuration in environment variables:\n✖ expected a whole number of 1 or more (run folders to keep)\n  → at HARNESS_KEEP_RUNS',
  );
  expect(() => keptRunsFrom({ HARNESS_KEEP_RUNS: 'all' })).toThrow('→ at HARNESS_KEEP_RUNS');
});
