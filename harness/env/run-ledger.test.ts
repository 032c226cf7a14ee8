import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { RunLedger } from './run-ledger.ts';

test('lists a database before it is created and forgets it once dropped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-ledger-'));
  const ledger = new RunLedger(dir, 'r1', 'http://127.0.0.1:8069');
  ledger.add('oeh_r1_a');
  ledger.add('oeh_r1_b');
  ledger.remove('oeh_r1_a');
  expect(JSON.parse(await readFile(ledger.path, 'utf8'))).toEqual({ pid: process.pid, host: hostname(), url: 'http://127.0.0.1:8069', databases: ['oeh_r1_b'] });
  // This process is alive: its ledger is not abandoned.
  expect(RunLedger.abandoned(dir)).toEqual([]);
  ledger.close();
  expect(RunLedger.abandoned(dir)).toEqual([]);
});

test('a ledger whose process is gone is abandoned; damaged files and other hosts are ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-ledger-'));
  const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  const entry = { pid: deadPid, host: hostname(), url: 'http://127.0.0.1:8069', databases: ['oeh_r2_a'] };
  await writeFile(join(dir, 'r2.json'), JSON.stringify(entry));
  await writeFile(join(dir, 'r3.json'), JSON.stringify({ ...entry, host: 'elsewhere' }));
  await writeFile(join(dir, 'r4.json'), '{ not json');
  expect(RunLedger.abandoned(dir)).toEqual([{ path: join(dir, 'r2.json'), entry }]);
});

test('no ledger folder means nothing to clean', () => {
  expect(RunLedger.abandoned(join(tmpdir(), 'oeh-no-such-folder'))).toEqual([]);
});
