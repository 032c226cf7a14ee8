#!/usr/bin/env node
// Launcher of the CLI. In the installed package it runs the compiled harness (dist/); in the
// harness's own repository, its TypeScript source through tsx's loader (Node 20 cannot run .ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'harness', 'cli', 'main.ts');
const args = existsSync(source)
  ? // By absolute URL: a bare `--import tsx` would be resolved from wherever the user stands.
    ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, source]
  : [join(root, 'dist', 'harness', 'cli', 'main.js')];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
process.exit(result.status ?? (result.signal ? 130 : 1));
