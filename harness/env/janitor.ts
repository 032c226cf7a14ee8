import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starts a detached process that waits for this one to exit, then removes what it left (its
 * containers, networks and ledgered databases). On Ctrl-C vitest exits within a millisecond, too
 * soon for any cleanup in this process, so the cleanup runs beside it and outlives it.
 * Its output goes to `<cacheDir>/janitor.log`.
 */
export const spawnJanitor = (cacheDir: string): void => {
  mkdirSync(cacheDir, { recursive: true });
  const log = openSync(join(cacheDir, 'janitor.log'), 'a');
  // The source in this repository (run through tsx's loader), the compiled script in the package.
  const compiled = import.meta.url.endsWith('.js');
  const script = fileURLToPath(new URL(compiled ? './janitor-main.js' : './janitor-main.ts', import.meta.url));
  // tsx's loader by absolute path: vite's module runner (globalSetup) has no import.meta.resolve.
  const loader = compiled ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
  const child = spawn(process.execPath, [...loader, script, String(process.pid)], {
    detached: true,
    stdio: ['ignore', log, log],
    // Same variables (targets, credentials) as the run, so it reaches the same servers.
    env: process.env,
  });
  child.unref();
};
