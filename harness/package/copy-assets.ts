import { cp, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from '../project/index.ts';

// What the compiled harness reads besides its JavaScript, at the same places under dist/.
const ASSET_FOLDERS = ['harness', 'mocks', 'scenarios'];
const WHOLE_FOLDERS = ['docker'];
const FILES = ['reports/allurerc.mjs', 'reports/README.md'];
// Test data and the reference connector's recordings stay in the repository: a project records its own.
const SKIPPED = ['__fixtures__', '__recordings__'];

const isAsset = (path: string): boolean => !path.endsWith('.ts') && !path.split(sep).some((part) => SKIPPED.includes(part));

/** Copies the harness's non-TypeScript files (integration map, docs, templates, Dockerfiles) into `dist`. */
const copyAssets = async (root: string, dist: string): Promise<string[]> => {
  const copied: string[] = [];
  for (const folder of ASSET_FOLDERS) {
    const entries = (await readdir(join(root, folder), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const entry of entries) {
      const path = relative(root, join(entry.parentPath, entry.name));
      if (isAsset(path)) copied.push(path);
    }
  }
  copied.push(...WHOLE_FOLDERS, ...FILES);
  for (const path of copied) await cp(join(root, path), join(dist, path), { recursive: true });
  // The init template is copied whole, its TypeScript included: it is a project's source, not the harness's.
  const template = join('harness', 'package', 'template');
  await rm(join(dist, template), { recursive: true, force: true });
  await cp(join(root, template), join(dist, template), { recursive: true });
  return [...copied, template];
};

// Run by `npm run build`, after tsc has written dist/.
const copied = await copyAssets(PACKAGE_ROOT, join(PACKAGE_ROOT, 'dist'));
process.stdout.write(`copied ${copied.length} asset paths into dist/\n`);
