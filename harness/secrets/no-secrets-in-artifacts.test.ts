import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { OdooAuthError, type OdooCall, type Transport } from '../odoo/index.ts';
import { RecordingTransport, recordingPath, writeRecording } from '../odoo/index.ts';
import { SecretRedactor } from './secret-redactor.ts';

// A distinctive password and API key, as a user's staging server would have.
const PASSWORD = 'Zq7-distinctive-pw-4411';
const API_KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b';

const grepTree = async (dir: string, needle: string): Promise<string[]> => {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) hits.push(path);
  }
  return hits;
};

test('a recording of calls and errors that carry the password and API key holds neither', async () => {
  const redactor = new SecretRedactor().add(PASSWORD, API_KEY);
  // Odoo echoing a secret back (an error message, a record field) must not leak either.
  const echoing: Transport = {
    name: 'json2',
    execute: async (call: OdooCall) => {
      if (call.method === 'check') throw new OdooAuthError(call, `bad key ${API_KEY}`);
      return { value: [{ id: 2, login: 'admin', note: `pw=${PASSWORD}` }], committedNone: false };
    },
  };
  const recorder = new RecordingTransport(echoing, redactor);
  const call = (method: string, args: unknown[]): OdooCall => ({ database: 'd', model: 'res.users', method, args, kwargs: { context: { password: PASSWORD } } });
  await recorder.execute(call('read', [[2], { password: PASSWORD, api_key: API_KEY }]));
  await recorder.execute(call('check', [])).catch(() => undefined);

  const dir = await mkdtemp(join(tmpdir(), 'oeh-secrets-'));
  await writeRecording(recordingPath(dir, 19, 'smoke/secrets'), {
    format: 1,
    scenario: 'smoke/secrets',
    odoo: { serverVersion: '19.0', major: 19, minor: 0 },
    transport: 'json2',
    target: 'url',
    seed: 1,
    today: '2026-11-27',
    exchanges: recorder.exchanges,
  });
  expect(recorder.exchanges).toHaveLength(2);
  expect(await grepTree(dir, PASSWORD)).toEqual([]);
  expect(await grepTree(dir, API_KEY)).toEqual([]);
});

// After a live run with a distinctive password (README, "Secrets"), point this at it:
// HARNESS_SECRET_PROBE=<the password> npx vitest run --project unit harness/secrets
test.runIf(Boolean(process.env.HARNESS_SECRET_PROBE))('no file under reports/ or scenarios/__recordings__/ holds the probed secret', async () => {
  const secret = process.env.HARNESS_SECRET_PROBE!;
  const root = join(import.meta.dirname, '..', '..');
  expect(await grepTree(join(root, 'reports'), secret)).toEqual([]);
  expect(await grepTree(join(root, 'scenarios', '__recordings__'), secret)).toEqual([]);
});
