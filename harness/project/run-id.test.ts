import { expect, test } from 'vitest';
import { currentRunId, newRunId, runDirectory, runShortId } from './run-id.ts';

test('a run id is the UTC start to the second, then 6 hex digits, and sorts by time', () => {
  const id = newRunId(new Date('2026-12-02T00:45:12.345Z'));
  expect(id).toMatch(/^20261202T004512Z-[0-9a-f]{6}$/);
  const later = newRunId(new Date('2026-12-02T10:00:00Z'));
  expect([later, id].sort()).toEqual([id, later]);
});

test('creates the id once and writes it to HARNESS_RUN_ID, so later calls and children agree', () => {
  const env: NodeJS.ProcessEnv = {};
  const id = currentRunId(env);
  expect(env.HARNESS_RUN_ID).toBe(id);
  expect(currentRunId(env)).toBe(id);
  expect(currentRunId({ HARNESS_RUN_ID: '20261202T004512Z-3f9a1c' })).toBe('20261202T004512Z-3f9a1c');
});

test('a malformed HARNESS_RUN_ID names the variable and the expected form', () => {
  expect(() => currentRunId({ HARNESS_RUN_ID: '../../etc' })).toThrow(
    'Invalid configuration in environment variables:\n✖ expected a run id such as 20261202T004512Z-3f9a1c (UTC yyyymmddThhmmssZ, a dash, 6 lowercase hex digits)\n  → at HARNESS_RUN_ID',
  );
  expect(() => currentRunId({ HARNESS_RUN_ID: '20261202T004512Z-3F9A1C' })).toThrow('→ at HARNESS_RUN_ID');
});

test('the short id is the 6 hex digits; a folder is named by the whole id, never by a bad one', () => {
  expect(runShortId('20261202T004512Z-3f9a1c')).toBe('3f9a1c');
  expect(runDirectory('20261202T004512Z-3f9a1c', '/r')).toBe('/r/runs/20261202T004512Z-3f9a1c');
  expect(() => runShortId('3f9a1c')).toThrow('"3f9a1c" is not a run id: expected one such as 20261202T004512Z-3f9a1c.');
  expect(() => runDirectory('..', '/r')).toThrow('".." is not a run id');
});

test('two runs started in the same second get distinct folders', () => {
  const now = new Date('2026-12-02T00:45:12Z');
  const ids = new Set(Array.from({ length: 5 }, () => runDirectory(newRunId(now), '/r')));
  expect(ids.size).toBe(5);
});
