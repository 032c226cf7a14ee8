import { join } from 'node:path';
import { expect, test } from 'vitest';
import { IntegrationCallError, IntegrationProcess } from './integration-process.ts';

const echo = (env: Record<string, string> = {}) =>
  IntegrationProcess.start({ name: 'echo', command: process.execPath, args: [join(import.meta.dirname, '__fixtures__', 'echo-integration.mjs')], env: { ECHO_TAG: 't1', ...env } });

test('an integration process is reached at the URL it prints, with the environment it was given', async () => {
  const integration = await echo();
  try {
    expect(integration.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await integration.post('/echo', { shopOrderId: 'ord_0001' })).toEqual({ echoed: { shopOrderId: 'ord_0001' }, env: 't1' });
    expect(integration.logTail()).toContain('got /echo');
  } finally {
    await integration.stop();
  }
  expect(integration.exited).toBe(true);
});

test('an error answer, a timeout and a crash each fail the call, naming the process, the cause and its last output', async () => {
  const integration = await echo();
  try {
    const failed = await integration.post('/fail', {}).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(IntegrationCallError);
    expect((failed as IntegrationCallError).status).toBe(500);
    expect((failed as Error).message).toContain('integration "echo" POST /fail answered 500: no customer for ord_0001');
    expect((failed as Error).message).toContain('got /fail');
    expect(((await integration.post('/slow', {}, { timeoutMs: 200 }).catch((e: unknown) => e)) as Error).message).toContain('no answer within 200 ms');
    await integration.post('/crash', {}).catch(() => undefined);
    await expect.poll(() => integration.exited).toBe(true);
    expect(((await integration.post('/echo', {}).catch((e: unknown) => e)) as Error).message).toMatch(/the process has exited \(code 3\)/);
  } finally {
    await integration.stop();
  }
});

test('a process that never serves is reported with what it printed, and does not outlive the failure', async () => {
  const error = await IntegrationProcess.start({ name: 'broken', command: process.execPath, args: ['-e', 'console.error("ODOO_URL is not set"); process.exit(2)'], env: {} }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IntegrationCallError);
  expect((error as Error).message).toMatch(/integration "broken" .* exited \(code 2\) before it served/);
  expect((error as Error).message).toContain('ODOO_URL is not set');
  const silent = await IntegrationProcess.start({ name: 'silent', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: {}, readyTimeoutMs: 300 }).catch((e: unknown) => e);
  expect((silent as Error).message).toContain('printed no "LISTENING <url>" line within 300 ms');
});
