import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { TemplateFiles } from './template-files.ts';

const cache = () => mkdtempSync(join(tmpdir(), 'oeh-template-files-'));

test('only one run holds the build lock; it is free again once released', async () => {
  const dir = cache();
  const [a, b] = [new TemplateFiles(dir, 'k1'), new TemplateFiles(dir, 'k1')];
  expect(await a.claim()).toBe(true);
  expect(await b.claim()).toBe(false);
  // Its holder (this process) is alive: the lock is not abandoned.
  expect(await b.releaseIfAbandoned()).toBe(false);
  await a.release();
  expect(await b.claim()).toBe(true);
});

test("the entry is complete only once its dump is in place, and another key's lock is another lock", async () => {
  const dir = cache();
  const files = new TemplateFiles(dir, 'k2');
  expect(await files.isComplete()).toBe(false);
  writeFileSync(files.dump, 'dump');
  expect(await files.isComplete()).toBe(true);
  expect(await new TemplateFiles(dir, 'k3').claim()).toBe(true);
});

test('a lock left by a process of this host that is gone is released; one of another host is not', async () => {
  const dir = cache();
  const files = new TemplateFiles(dir, 'k4');
  const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  writeFileSync(files.lock, JSON.stringify({ pid: gone, host: hostname(), since: new Date().toISOString() }));
  expect(await files.releaseIfAbandoned()).toBe(true);
  expect(await files.claim()).toBe(true);
  writeFileSync(files.lock, JSON.stringify({ pid: gone, host: 'another-host', since: new Date().toISOString() }));
  expect(await files.releaseIfAbandoned()).toBe(false);
});
