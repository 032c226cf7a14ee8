import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/index.ts';
import { markdownCell } from './markdown-cell.ts';

/** One scenario's result in one run, as its Allure result tells it. */
export interface ScenarioOutcome {
  readonly id: string;
  readonly title: string;
  // `19.0`, from the result's `odoo-<version>` tag.
  readonly odoo: string;
  readonly result: 'passed' | 'failed' | 'finding' | 'not covered' | 'skipped';
  // The failure's category (harness/reporting/failure-category.ts) and who must act.
  readonly category?: string;
  readonly owner?: string;
  // The failure's first line: the business rule that broke.
  readonly reason?: string;
}

interface AllureResult {
  readonly name: string;
  readonly status: string;
  readonly labels: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly statusDetails?: { readonly message?: string };
}

/**
 * The scenarios of a run folder (`reports/runs/<run-id>/`), read from its Allure results: the last
 * attempt of each, sorted by id.
 * @throws ConfigError when the folder has no Allure results.
 */
export const readRunOutcomes = async (runFolder: string): Promise<ScenarioOutcome[]> => {
  const resultsDir = join(runFolder, 'allure-results');
  const files = await readdir(resultsDir).catch(() => {
    throw new ConfigError(runFolder, `✖ no allure-results in this folder: expected a run folder (reports/runs/<run-id>/)`);
  });
  const results = await Promise.all(files.filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(join(resultsDir, f), 'utf8')) as AllureResult & { readonly stop?: number }));
  // A scenario skipped before it started (a need the run lacks) carries no version: the run's.
  const runVersion = results.map(versionOf).find((v) => v !== undefined) ?? '?';
  const byScenario = new Map<string, ScenarioOutcome & { readonly stop: number }>();
  for (const result of results) {
    const outcome = outcomeOf(result, versionOf(result) ?? runVersion);
    const seen = byScenario.get(`${outcome.id}@${outcome.odoo}`);
    if (!seen || (result.stop ?? 0) > seen.stop) byScenario.set(`${outcome.id}@${outcome.odoo}`, { ...outcome, stop: result.stop ?? 0 });
  }
  return [...byScenario.values()].map(({ stop: _stop, ...outcome }) => outcome).sort((a, b) => a.id.localeCompare(b.id) || a.odoo.localeCompare(b.odoo));
};

// `18.0` from the tag `odoo-18.0+e-20241005`.
const versionOf = (result: AllureResult): string | undefined =>
  result.labels.find((l) => l.name === 'tag' && l.value.startsWith('odoo-'))?.value.slice(5).replace(/[+-].*$/, '');

const outcomeOf = (result: AllureResult, odoo: string): ScenarioOutcome => {
  const label = (name: string) => result.labels.find((l) => l.name === name)?.value;
  const [id = result.name, ...title] = result.name.split(': ');
  const reason = result.statusDetails?.message?.split('\n')[0]?.trim();
  const base = { id, title: title.join(': '), odoo, ...(label('owner') ? { owner: label('owner')! } : {}) };
  if (label('coverage') === 'not-covered') return { ...base, result: 'not covered', ...(reason ? { reason } : {}) };
  if (label('finding')) return { ...base, result: 'finding' };
  if (result.status === 'passed') return { ...base, result: 'passed' };
  if (result.status === 'skipped') return { ...base, result: 'skipped', ...(reason ? { reason } : {}) };
  return { ...base, result: 'failed', ...(label('failure') ? { category: label('failure')! } : {}), ...(reason ? { reason } : {}) };
};

/**
 * A Markdown table of the runs' results side by side (one column per Odoo version): every failure
 * with its category, owner and the business rule it broke; then the counts.
 */
export const findingsMarkdown = (outcomes: readonly ScenarioOutcome[]): string => {
  const versions = [...new Set(outcomes.map((o) => o.odoo))].sort();
  const ids = [...new Set(outcomes.map((o) => o.id))].sort();
  const symbol = { passed: '✓', failed: '✗', finding: '◆ finding', 'not covered': '○ not covered', skipped: '– skipped' } as const;
  const rows = ids.map((id) => {
    const of = versions.map((v) => outcomes.find((o) => o.id === id && o.odoo === v));
    // The failure's routing and reason, from the first version where it failed (else any).
    const failed = of.find((o) => o?.result === 'failed') ?? of.find((o) => o?.reason);
    const route = failed?.result === 'failed' ? `${failed.category ?? '?'} → ${failed.owner ?? '?'}` : '';
    return `| \`${id}\` | ${of.map((o) => (o ? symbol[o.result] : '')).join(' | ')} | ${route} | ${markdownCell(failed?.reason ?? '', 240)} |`;
  });
  const counts = versions.map((v) => {
    const mine = outcomes.filter((o) => o.odoo === v);
    const count = (r: ScenarioOutcome['result']) => mine.filter((o) => o.result === r).length;
    return `- Odoo ${v}: ${mine.length} scenarios: ${count('passed')} passed, ${count('failed')} failed, ${count('not covered')} not covered, ${count('finding')} findings, ${count('skipped')} skipped.`;
  });
  return [
    `| scenario | ${versions.map((v) => `Odoo ${v}`).join(' | ')} | category → owner | what broke (first line) |`,
    `|---|${versions.map(() => '---').join('|')}|---|---|`,
    ...rows,
    '',
    ...counts,
    '',
  ].join('\n');
};
