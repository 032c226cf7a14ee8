import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditFinding, AuditSeverity } from './audit-finding.ts';
import type { AuditReport } from './run-audit.ts';

/** The Allure suite the audit's results are grouped in. */
export const AUDIT_SUITE = 'Master data and configuration audit';

// Allure's severities, closest to the audit's.
const ALLURE_SEVERITY: Readonly<Record<AuditSeverity, string>> = { critical: 'blocker', high: 'critical', medium: 'normal', low: 'minor' };

/**
 * Writes the audit as Allure results into `resultsDir` (a run folder's `allure-results`): one
 * failed result per finding, with its owner, severity, count, examples and fix, or one passed
 * result when nothing was found; all in the suite AUDIT_SUITE.
 */
export const writeAuditResults = async (resultsDir: string, report: AuditReport, at: number = Date.now()): Promise<void> => {
  await mkdir(resultsDir, { recursive: true });
  const results = report.findings.length ? report.findings.map((f) => resultOf(report, f, at)) : [cleanResult(report, at)];
  for (const result of results) await writeFile(join(resultsDir, `${result.uuid}-result.json`), JSON.stringify(result));
};

const labels = (report: AuditReport, extra: Array<{ name: string; value: string }>) => [
  { name: 'suite', value: AUDIT_SUITE },
  { name: 'epic', value: 'audit' },
  { name: 'tag', value: 'audit' },
  { name: 'tag', value: `odoo-${report.odooVersion}` },
  ...extra,
];

const resultOf = (report: AuditReport, finding: AuditFinding, at: number) => ({
  uuid: randomUUID(),
  historyId: `audit:${report.database}:${finding.id}`,
  name: `audit/${finding.id}: ${finding.title} (${finding.count})`,
  fullName: `audit/${finding.id}`,
  status: 'failed',
  statusDetails: {
    message: `${finding.count} in ${report.database}. Fix: ${finding.fix}`,
    trace: finding.examples.map((e) => `${e.model} ${e.id}: ${e.name}`).join('\n'),
  },
  labels: labels(report, [
    { name: 'owner', value: finding.owner },
    { name: 'severity', value: ALLURE_SEVERITY[finding.severity] },
    { name: 'feature', value: finding.id.split('-')[0]! },
  ]),
  start: at,
  stop: at,
});

const cleanResult = (report: AuditReport, at: number) => ({
  uuid: randomUUID(),
  historyId: `audit:${report.database}`,
  name: `audit: nothing found in ${report.database}`,
  fullName: 'audit',
  status: 'passed',
  labels: labels(report, []),
  start: at,
  stop: at,
});
