import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { expect, test } from 'vitest';
import { harnessLabels, isOrphaned, LABEL_HOST, LABEL_OWNER, LABEL_PID } from './harness-labels.ts';

test('containers of a running harness are not orphans', () => {
  expect(isOrphaned(harnessLabels())).toBe(false);
});

test('containers of a harness process that is gone are orphans', () => {
  // A pid that existed and has exited: a short-lived child.
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  expect(isOrphaned({ [LABEL_OWNER]: 'true', [LABEL_HOST]: hostname(), [LABEL_PID]: pid })).toBe(true);
});

test("other people's containers and other hosts' containers are never touched", () => {
  expect(isOrphaned(undefined)).toBe(false);
  expect(isOrphaned({ 'org.testcontainers': 'true' })).toBe(false);
  expect(isOrphaned({ [LABEL_OWNER]: 'true', [LABEL_HOST]: 'another-host', [LABEL_PID]: '999999' })).toBe(false);
});
