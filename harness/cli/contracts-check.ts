import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { contractIssues, contractOf, listContracts } from '../contracts/contract-issues.ts';

// `npm run contracts:check -- --contract payment.webhook@v2 samples/*.json`: validates a vendor's
// sample payloads (a JSON file holds one payload or an array) and reports every mismatch by path.
// Fields the contract does not declare are mismatches too: zod would drop them without a word,
// and a renamed field would lose its data.
const USAGE = `Usage: npm run contracts:check -- --contract <name>@<version> <file.json> [...]
       npm run contracts:check -- --list`;

/** The report lines for one file, and whether it passed. */
export const checkFile = async (contract: string, version: string, path: string): Promise<{ ok: boolean; lines: string[] }> => {
  // An unknown contract is refused before any file is read.
  contractOf(contract, version);
  let payloads: unknown[];
  try {
    const json: unknown = JSON.parse(await readFile(path, 'utf8'));
    payloads = Array.isArray(json) ? json : [json];
  } catch (error) {
    return { ok: false, lines: [`✗ ${path}: not readable JSON (${(error as Error).message})`] };
  }
  const lines: string[] = [];
  let ok = true;
  payloads.forEach((payload, index) => {
    const where = payloads.length > 1 ? `${path}[${index}]` : path;
    const issues = contractIssues(contract, version, payload);
    if (!issues.length) return lines.push(`✓ ${where}`);
    ok = false;
    lines.push(`✗ ${where}`, ...issues.map((issue) => `    ${issue}`));
  });
  return { ok, lines };
};

export { listContracts };

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { contract: { type: 'string' }, list: { type: 'boolean' } } });
  if (values.list) {
    process.stdout.write(`${listContracts().join('\n')}\n`);
    return 0;
  }
  const [name, version] = values.contract?.split('@') ?? [];
  if (!name || !version || !positionals.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const path of positionals) {
    const { ok, lines } = await checkFile(name, version, path);
    if (!ok) failed++;
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.stdout.write(`${positionals.length - failed} file(s) match ${name}@${version}, ${failed} do not\n`);
  return failed ? 1 : 0;
};

if (import.meta.url === `file://${process.argv[1]}`)
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    },
  );
