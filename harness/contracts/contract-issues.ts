import { z } from 'zod';
import { CONTRACTS } from '../../mocks/index.ts';
import { contractDrift } from './contract-drift.ts';
import { guessRenames } from './rename-guesses.ts';

// `lines[0].sku`, as z.prettifyError writes paths.
const at = (path: readonly PropertyKey[]): string => z.core.toDotPath(path) || '(root)';

/** `name@version` of every known contract. */
export const listContracts = (): string[] => Object.entries(CONTRACTS).flatMap(([name, versions]) => Object.keys(versions).map((v) => `${name}@${v}`));

/** The schema of `name@version`. @throws Error when it is unknown (the message lists the known ones). */
export const contractOf = (name: string, version: string): z.ZodType => {
  const schema = CONTRACTS[name]?.[version];
  if (!schema) throw new Error(`Unknown contract ${name}@${version}. Known: ${listContracts().join(', ')}`);
  return schema;
};

/**
 * How `payload` breaks the contract `name@version`, one line per issue, each naming its path:
 * what fails the schema, each field the contract does not declare (zod would drop it without a
 * word, and a renamed field would lose its data), and the renames those suggest. Empty when it keeps it.
 * @throws Error when the contract is unknown (the message lists the known ones).
 */
export const contractIssues = (name: string, version: string, payload: unknown): string[] => {
  const schema = contractOf(name, version);
  const drift = contractDrift(schema, payload);
  return [
    ...(schema.safeParse(payload).error?.issues ?? []).map((issue) => `at ${at(issue.path)}: ${issue.message}`),
    ...drift.unexpected.map((key) => `at ${at(key)}: unexpected field (not in ${name}@${version})`),
    ...guessRenames(drift).map(({ from, to }) => `renamed? ${at(from)} → ${at(to)}`),
  ];
};
