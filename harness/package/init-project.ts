import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ConfigError } from '../errors/index.ts';

/** The template `init` copies, beside this file (copied whole into the package). */
const TEMPLATE_DIR = join(import.meta.dirname, 'template');

// Files npm would drop from a package under their real names: kept under another, renamed here.
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore', github: '.github' };

/** The scripts a project runs the harness with. */
export const PROJECT_SCRIPTS: Readonly<Record<string, string>> = {
  test: 'odoo-harness test',
  scenarios: 'odoo-harness run',
  record: 'odoo-harness record',
  library: 'odoo-harness run --library',
  report: 'odoo-harness report',
  doctor: 'odoo-harness doctor',
};

/** What init would write, in a project folder. */
export interface InitPlan {
  // Template path → path in the project.
  readonly files: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  // Scripts to add to package.json.
  readonly scripts: Readonly<Record<string, string>>;
  // Files or scripts already there, that init will not overwrite.
  readonly conflicts: readonly string[];
}

const projectPath = (templatePath: string): string =>
  templatePath
    .split(sep)
    .map((part, index) => (index === 0 ? (RENAMED[part] ?? part) : part))
    .join(sep);

/** What init would write into `root`, and what is already there (then nothing is written). */
export const planInit = async (root: string, templateDir = TEMPLATE_DIR): Promise<InitPlan> => {
  const entries = await readdir(templateDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(templateDir, join(e.parentPath, e.name)))
    .sort()
    .map((from) => ({ from, to: projectPath(from) }));
  const conflicts = files.filter((f) => existsSync(join(root, f.to))).map((f) => f.to);
  const manifest = await readManifest(root);
  const scripts = Object.fromEntries(Object.entries(PROJECT_SCRIPTS).filter(([name]) => manifest?.scripts?.[name] !== PROJECT_SCRIPTS[name]));
  for (const name of Object.keys(scripts)) if (manifest?.scripts?.[name] !== undefined && !isPlaceholder(manifest.scripts[name])) conflicts.push(`package.json: script "${name}" (is "${manifest.scripts[name]}", init would set "${scripts[name]}")`);
  return { files, scripts, conflicts };
};

// What `npm init` writes as the test script: nothing of the project's to keep.
const isPlaceholder = (script: string): boolean => script === 'echo "Error: no test specified" && exit 1';

interface Manifest {
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

const readManifest = async (root: string): Promise<Manifest | undefined> => {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new ConfigError(path, `✖ not valid JSON: ${(error as Error).message}`, { cause: error });
  }
};

/**
 * `odoo-harness init`: scaffolds a project in `root` (its package.json gets the scripts; a new one
 * is made if there is none). Refuses, writing nothing, when any file or script it would write is
 * already there.
 * @returns the exit code: 0 done, 1 refused.
 */
export const initProject = async (root: string, out: NodeJS.WritableStream, templateDir = TEMPLATE_DIR): Promise<number> => {
  const plan = await planInit(root, templateDir);
  if (plan.conflicts.length) {
    out.write(`✖ odoo-harness init writes nothing: these are already there and would be overwritten:\n${plan.conflicts.map((c) => `  - ${c}`).join('\n')}\nMove them aside (or run init in a new folder), then run it again.\n`);
    return 1;
  }
  const manifest = (await readManifest(root)) ?? { name: 'odoo-integration-tests', private: true, type: 'module' };
  for (const file of plan.files) {
    await mkdir(dirname(join(root, file.to)), { recursive: true });
    await cp(join(templateDir, file.from), join(root, file.to));
  }
  await writeFile(join(root, 'package.json'), `${JSON.stringify({ ...manifest, scripts: { ...manifest.scripts, ...plan.scripts } }, null, 2)}\n`);
  out.write(
    [
      `✓ scaffolded ${plan.files.length} files and ${Object.keys(plan.scripts).length} scripts in ${root}:`,
      ...plan.files.map((f) => `  ${f.to}`),
      '',
      'Next:',
      '  npm test                replays the example scenario from its recording (no Odoo)',
      '  npm run scenarios       runs it live (ODOO_TARGET=docker, or ODOO_TARGET=url ODOO_URL=… ODOO_MASTER_PASSWORD=…)',
      '  npm run library         the built-in library live against connector.ts',
      '  then replace the TODOs of connector.ts with calls into your integration, and record again.',
      '',
    ].join('\n'),
  );
  return 0;
};
