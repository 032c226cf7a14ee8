import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { initProject, planInit, PROJECT_SCRIPTS } from './init-project.ts';

const sink = () => {
  let text = '';
  const out = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  return { out, text: () => text };
};

test('init scaffolds an empty folder: the template under its real names, and the scripts in a new package.json', async () => {
  const root = mkdtempSync(join(tmpdir(), 'oeh-init-'));
  const { out, text } = sink();
  expect(await initProject(root, out), text()).toBe(0);
  for (const file of ['vitest.config.mts', 'connector.ts', 'integration-map.json', '.gitignore', '.github/workflows/nightly.yml', 'scenarios/example/paid-order-reaches-odoo.scenario.ts'])
    expect(existsSync(join(root, file)), `${file} after init`).toBe(true);
  // The example replays from the recordings shipped with it, on both majors.
  for (const major of ['18', '19']) expect(existsSync(join(root, 'scenarios/__recordings__', major, 'example/paid-order-reaches-odoo.json')), `recording on ${major}`).toBe(true);
  expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts).toEqual(PROJECT_SCRIPTS);
});

test('init refuses, writing nothing, when a file or a script of its own is already there', async () => {
  const root = mkdtempSync(join(tmpdir(), 'oeh-init-'));
  writeFileSync(join(root, 'connector.ts'), '// mine\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'mine', scripts: { test: 'jest', build: 'tsc' } }));
  const { out, text } = sink();
  expect(await initProject(root, out)).toBe(1);
  expect(text()).toContain('- connector.ts');
  expect(text()).toContain('script "test" (is "jest"');
  expect(readFileSync(join(root, 'connector.ts'), 'utf8')).toBe('// mine\n');
  expect(existsSync(join(root, 'vitest.config.mts')), 'nothing written on refusal').toBe(false);
  expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts).toEqual({ test: 'jest', build: 'tsc' });
});

test("npm init's placeholder test script is replaced; a project's other scripts and fields are kept", async () => {
  const root = mkdtempSync(join(tmpdir(), 'oeh-init-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'shop-tests', version: '2.0.0', scripts: { test: 'echo "Error: no test specified" && exit 1', lint: 'eslint .' } }));
  expect((await planInit(root)).conflicts).toEqual([]);
  expect(await initProject(root, sink().out)).toBe(0);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(manifest).toMatchObject({ name: 'shop-tests', version: '2.0.0', scripts: { ...PROJECT_SCRIPTS, lint: 'eslint .' } });
});
