import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { formatChecks, runDoctor } from './doctor.ts';

test('a bad configuration is reported with the variable and a fix, without touching the network', async () => {
  const checks = await runDoctor({ ODOO_TARGET: 'url', ODOO_URL: 'http://127.0.0.1:8069' });
  expect(checks.map((c) => [c.name, c.ok])).toEqual([
    ['Node.js', true],
    ['configuration', false],
  ]);
  expect(formatChecks(checks)).toContain('✗ configuration: Invalid configuration in environment variables:\n✖ ODOO_TARGET=url needs a way to create its own databases');
  expect(formatChecks(checks)).toContain('fix: See README, "Environment variables".');
});

test('an Odoo that does not answer is reported with how to fix it', async () => {
  // A loopback port that was just free: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  const checks = await runDoctor({ ODOO_TARGET: 'url', ODOO_URL: `http://127.0.0.1:${port}`, ODOO_MASTER_PASSWORD: 'x' });
  expect(checks.at(-1)).toMatchObject({ name: `Odoo at http://127.0.0.1:${port}`, ok: false, fix: 'Start Odoo, or correct ODOO_URL (scheme, host and port).' });
  expect(checks.at(-1)!.detail).toContain('connection refused');
});
