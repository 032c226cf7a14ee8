import { expect, test } from 'vitest';
import { ConfigError, InfrastructureError } from '../errors/index.ts';
import type { Check } from './doctor.ts';
import { explainStartFailure } from './explain-failure.ts';

// What docker-modem says when no registry is reachable (seen on a machine without one).
const pullError = () =>
  Object.assign(new Error('(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host '), { statusCode: 500 });
const allFine = async (): Promise<Check[]> => [{ name: 'Node.js', ok: true, detail: '20.19.0' }];

test("an image pull that fails names testcontainers' reaper while it is on, and the images otherwise", async () => {
  const ryuk = await explainStartFailure(pullError(), {}, allFine);
  expect(ryuk).toBeInstanceOf(InfrastructureError);
  expect((ryuk as Error).message).toBe(
    "Docker cannot pull testcontainers' reaper image (Ryuk): no registry answers (registry-1.docker.io) — fix: set TESTCONTAINERS_RYUK_DISABLED=true (the harness removes its own containers, and sweeps those of killed runs), or load the Ryuk image.",
  );
  const image = await explainStartFailure(pullError(), { TESTCONTAINERS_RYUK_DISABLED: 'true' }, allFine);
  expect((image as Error).message).toMatch(/^Docker cannot pull an image: no registry answers \(registry-1\.docker\.io\) — fix: build or load the images on this machine/);
  // One line, no frames: vitest prints the stack.
  expect((image as Error).stack).toBe(`InfrastructureError: ${(image as Error).message}`);
});

test('a full disk says whose disk, found anywhere in the chain of causes', async () => {
  const server = new Error('The scenario database could not be made', { cause: new Error('could not extend file "base/16384/2619": No space left on device') });
  expect(((await explainStartFailure(server, {}, allFine)) as Error).message).toMatch(/^The database server's disk is full \(PostgreSQL could not write\) — fix: free space on the PostgreSQL server/);
  const local = Object.assign(new Error("ENOSPC: no space left on device, write '.harness-cache/x.dump.tar.12.tmp'"), { code: 'ENOSPC' });
  expect(((await explainStartFailure(local, {}, allFine)) as Error).message).toMatch(/^This machine's disk is full/);
});

test("otherwise the first of doctor's failing checks is the sentence; advisory ones do not count", async () => {
  const doctor = async (): Promise<Check[]> => [
    { name: 'image odoo:19.0', ok: false, advisory: true, detail: 'not present locally', fix: 'docker pull odoo:19.0' },
    { name: 'master password', ok: false, detail: 'refused (Access Denied)', fix: "Set ODOO_MASTER_PASSWORD to the server's admin_passwd." },
  ];
  const explained = await explainStartFailure(new Error('db.create_database on "oeh_tplbuild_x": authentication refused by Odoo (Access Denied).'), {}, doctor);
  expect((explained as Error).message).toBe("master password: refused (Access Denied) — fix: Set ODOO_MASTER_PASSWORD to the server's admin_passwd.");
});

test('bad configuration keeps its own message, and an unknown failure stays as it is', async () => {
  const config = new ConfigError('environment variables', '✖ bad');
  expect(await explainStartFailure(config, {}, allFine)).toBe(config);
  const unknown = new Error('something the harness does not know');
  expect(await explainStartFailure(unknown, {}, allFine)).toBe(unknown);
});
