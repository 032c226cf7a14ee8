import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReference, REFERENCE_PATH } from './build-reference.ts';

// The harness's own repository: the reference documents its code.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Writes scenarios/REFERENCE.md from the code; lists on stderr what has no description (exit code 1).
const { markdown, undescribed } = buildReference(ROOT);
writeFileSync(join(ROOT, REFERENCE_PATH), markdown);
console.log(`wrote ${REFERENCE_PATH} (${markdown.split('\n').length} lines)`);
if (undescribed.length) {
  console.error(`${undescribed.length} member(s) without a description: write a doc comment (or a zod .meta({ description })) for each in its source file:\n  ${undescribed.join('\n  ')}`);
  process.exitCode = 1;
}
