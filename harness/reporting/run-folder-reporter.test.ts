import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { TestModule, Vitest } from 'vitest/node';
import { newRunId, runDirectory } from '../project/index.ts';
import { latestRunId } from './latest-link.ts';
import { RunFolderReporter } from './run-folder-reporter.ts';

// The parts of vitest's objects the reporter reads: a module's tests and each test's meta.
const moduleOf = (...metas: object[]) =>
  ({
    children: {
      allTests: () => metas.map((meta) => ({ meta: () => meta, result: () => ({ state: 'passed' }), project: { name: 'replay-19' }, diagnostic: () => ({ duration: 5 }) })),
    },
  }) as unknown as TestModule;

// Runs the reporter as vitest does: init, the other reporters write the folder, run end, close.
const run = async (reports: string, runId: string, modules: TestModule[]) => {
  const closers: Array<() => Promise<void>> = [];
  const reporter = new RunFolderReporter(runId, reports, 20);
  reporter.onInit({ onClose: (fn: () => Promise<void>) => closers.push(fn) } as unknown as Vitest);
  await mkdir(join(runDirectory(runId, reports), 'allure-results'), { recursive: true });
  await writeFile(join(runDirectory(runId, reports), 'junit.xml'), '<testsuites/>');
  reporter.onTestRunEnd(modules);
  for (const close of closers) await close();
};

const scenarioMeta = { scenario: { id: 'smoke/order-to-cash', title: 'order to cash' } };

test('a run of scenarios moves latest to its folder; two runs keep distinct folders', async () => {
  const reports = await mkdtemp(join(tmpdir(), 'oeh-run-folder-'));
  const [first, second] = [newRunId(new Date('2026-12-01T02:00:00Z')), newRunId(new Date('2026-12-02T02:00:00Z'))];
  await run(reports, first, [moduleOf({}, scenarioMeta)]);
  expect(await latestRunId(reports)).toBe(first);
  await run(reports, second, [moduleOf(scenarioMeta)]);
  expect(await latestRunId(reports)).toBe(second);
  expect((await readdir(join(reports, 'runs'))).sort()).toEqual([first, second]);
});

test('a run of only unit tests leaves no folder and does not move latest', async () => {
  const reports = await mkdtemp(join(tmpdir(), 'oeh-run-folder-'));
  const scenarios = newRunId(new Date('2026-12-01T02:00:00Z'));
  await run(reports, scenarios, [moduleOf(scenarioMeta)]);
  await run(reports, newRunId(), [moduleOf({}, {})]);
  expect(await readdir(join(reports, 'runs'))).toEqual([scenarios]);
  expect(await latestRunId(reports)).toBe(scenarios);
});

test('a unit-only run that reuses an existing run id leaves that folder alone', async () => {
  const reports = await mkdtemp(join(tmpdir(), 'oeh-run-folder-'));
  const id = newRunId();
  await mkdir(join(runDirectory(id, reports), 'allure-results'), { recursive: true });
  await run(reports, id, [moduleOf({})]);
  expect(await readdir(join(reports, 'runs'))).toEqual([id]);
});
