import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

// The CLI as a user starts it: a run against an Odoo that is not there stops before vitest, with
// one line naming the cause and the fix, and exit code 2.
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

test('an Odoo that does not answer stops the run with one line and exit code 2', async () => {
  const port = await freePort();
  const result = spawnSync(process.execPath, ['--import', tsx, main, 'run'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ODOO_TARGET: 'url', ODOO_URL: `http://127.0.0.1:${port}`, ODOO_MASTER_PASSWORD: 'x' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr.trim()).toBe(
    `✗ Odoo at http://127.0.0.1:${port}: not answering (connection refused (is Odoo running on that address?)) — fix: Start Odoo, or correct ODOO_URL (scheme, host and port).`,
  );
  expect(result.stdout).toBe('');
}, 60_000);
