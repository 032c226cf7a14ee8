import type { Reporter, TestCase } from 'vitest/node';
import { scenarioResultOf } from './scenario-result.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '-', pending: '…' } as const;

/** Prints one line per scenario as it finishes: status, id, time, calls and the Odoo it ran on. */
export class ProgressReporter implements Reporter {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  onTestCaseResult(testCase: TestCase): void {
    const r = scenarioResultOf(testCase);
    if (!r) return;
    const where = r.odooVersion ? ` [Odoo ${r.odooVersion}, ${r.transport}, ${r.target}]` : '';
    const kept = r.keptDatabase ? ` kept db: ${r.keptDatabase}` : '';
    const finding = r.finding ? `\n    finding for ${r.finding.owner}: ${r.finding.failure}` : '';
    const notCovered = r.notCovered ? `\n    not covered: the connector does not declare ${r.notCovered.join(', ')}` : '';
    this.write(`${r.finding ? '⚑' : r.notCovered ? '○' : MARK[r.status]} ${r.id} ${(r.durationMs / 1000).toFixed(1)}s ${r.rpcCalls} calls (Odoo ${(r.odooMs / 1000).toFixed(1)}s)${where}${kept}${r.error && !r.notCovered ? `\n    ${r.error}` : ''}${finding}${notCovered}`);
  }
}
