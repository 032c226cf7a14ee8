#!/usr/bin/env node
// Launcher for the TypeScript CLI: Node 20 cannot run .ts files itself, so tsx's loader is used.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// By absolute URL: a bare `--import tsx` would be resolved from wherever the user stands.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'harness', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(result.status ?? (result.signal ? 130 : 1));
