import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import { OdooUserError } from '../errors.ts';
import type { Transport, TransportResult } from '../transports/transport.ts';
import { readRecording, recordingPath, writeRecording } from './recording-file.ts';
import { RecordingTransport } from './recording-transport.ts';
import type { Recording } from './recording.ts';
import { RecordingMismatchError, ReplayTransport } from './replay-transport.ts';

const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}): OdooCall => ({ database: 'oeh_x_1', model: 'sale.order', method, args, kwargs });

const recording = (exchanges: Recording['exchanges']): Recording => ({
  format: 1,
  scenario: 'smoke/order-to-cash',
  odoo: { serverVersion: '19.0', major: 19, minor: 0 },
  transport: 'json2',
  target: 'url',
  seed: 42,
  today: '2026-11-27',
  exchanges,
});

// A transport that answers from a list: stands for the live one under the recorder.
const scripted = (answers: Array<TransportResult | Error>): Transport => ({
  name: 'jsonrpc',
  execute: async () => {
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return next;
  },
});

test('records requests and answers with secrets removed, and replays them in order', async () => {
  const redactor = new SecretRedactor().add('s3cret-password');
  const refused = new OdooUserError(call('action_cancel', [[1]]), 'You cannot cancel a locked order. Please unlock it first.', 'odoo.exceptions.UserError');
  const recorder = new RecordingTransport(scripted([{ value: 5, committedNone: false }, { value: null, committedNone: true }, refused]), redactor);
  await recorder.execute(call('create', [{ note: 'token s3cret-password', password: 'x' }]));
  await recorder.execute(call('action_lock', [[5]]));
  await expect(recorder.execute(call('action_cancel', [[5]]))).rejects.toBe(refused);

  expect(recorder.exchanges.map(({ ms, ...e }) => e)).toEqual([
    { model: 'sale.order', method: 'create', args: [{ note: 'token [redacted]', password: '[redacted]' }], kwargs: {}, result: 5 },
    { model: 'sale.order', method: 'action_lock', args: [[5]], kwargs: {}, result: null, committedNone: true },
    { model: 'sale.order', method: 'action_cancel', args: [[5]], kwargs: {}, error: { class: 'OdooUserError', message: 'You cannot cancel a locked order. Please unlock it first.', exceptionClass: 'odoo.exceptions.UserError' } },
  ]);

  const dir = await mkdtemp(join(tmpdir(), 'oeh-rec-'));
  const path = recordingPath(dir, 19, 'smoke/order-to-cash');
  await writeRecording(path, recording(recorder.exchanges));
  const text = await readFile(path, 'utf8');
  expect(text).not.toContain('s3cret-password');
  // One exchange per line: re-recording a changed scenario gives a diff of the changed calls only.
  expect(text.split('\n')).toHaveLength(3 + 3);

  const replay = new ReplayTransport(await readRecording(path), new SecretRedactor(), path);
  expect(await replay.execute(call('create', [{ note: 'token [redacted]', password: 'anything' }]))).toEqual({ value: 5, committedNone: false });
  expect(await replay.execute(call('action_lock', [[5]]))).toEqual({ value: null, committedNone: true });
  const replayed = await replay.execute(call('action_cancel', [[5]])).catch((e: unknown) => e);
  expect(replayed).toBeInstanceOf(OdooUserError);
  expect((replayed as Error).message).toBe('sale.order.action_cancel refused by Odoo (UserError) on "oeh_x_1": You cannot cancel a locked order. Please unlock it first.');
  expect(() => replay.assertFullyReplayed()).not.toThrow();
});

test('a call the recording does not hold fails with a readable diff against the expected call', async () => {
  const replay = new ReplayTransport(
    recording([{ model: 'sale.order', method: 'write', args: [[1], { client_order_ref: 'A-1', note: 'n' }], kwargs: {}, result: true, ms: 3 }]),
    new SecretRedactor(),
    'scenarios/__recordings__/19/smoke/order-to-cash.json',
  );
  const error = await replay.execute(call('write', [[1], { client_order_ref: 'A-2', note: 'n' }])).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RecordingMismatchError);
  expect((error as Error).message).toContain('smoke/order-to-cash: call #1 differs from scenarios/__recordings__/19/smoke/order-to-cash.json (- recorded, + asked now).');
  expect((error as Error).message).toContain('-       "client_order_ref": "A-1",\n+       "client_order_ref": "A-2",');
});

test('calls asked out of order (in parallel) are still answered; calls never asked fail the replay', async () => {
  const replay = new ReplayTransport(
    recording([
      { model: 'sale.order', method: 'read', args: [[1]], kwargs: {}, result: [{ id: 1 }], ms: 1 },
      { model: 'sale.order', method: 'read', args: [[2]], kwargs: {}, result: [{ id: 2 }], ms: 1 },
      { model: 'sale.order', method: 'action_confirm', args: [[2]], kwargs: {}, result: true, ms: 1 },
    ]),
    new SecretRedactor(),
    'rec.json',
  );
  expect((await replay.execute(call('read', [[2]]))).value).toEqual([{ id: 2 }]);
  expect((await replay.execute(call('read', [[1]]))).value).toEqual([{ id: 1 }]);
  expect(() => replay.assertFullyReplayed()).toThrow(
    'Replay of smoke/order-to-cash ended with 1 recorded call(s) never asked, the first: sale.order.action_confirm.',
  );
  await replay.execute(call('action_confirm', [[2]]));
  await expect(replay.execute(call('action_confirm', [[2]]))).rejects.toThrow('was asked after the 3 recorded calls of smoke/order-to-cash ran out');
});

test('a missing or invalid recording names the file and the fix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-rec-'));
  await expect(readRecording(join(dir, 'nope.json'))).rejects.toThrow('No recording for this scenario, Odoo version and configuration. Make one with a live run: npm run record');
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ ...recording([]), today: 'yesterday' }));
  await expect(readRecording(bad)).rejects.toThrow(/Invalid configuration in .*bad\.json:\n✖ Invalid ISO date\n  → at today/);
});

test('a configuration of the matrix keeps its recordings beside the base', () => {
  expect(recordingPath('/r', 19, 'smoke/order-to-cash')).toBe('/r/19/smoke/order-to-cash.json');
  expect(recordingPath('/r', 19, 'smoke/order-to-cash', 'two-step-delivery')).toBe('/r/19-two-step-delivery/smoke/order-to-cash.json');
});
