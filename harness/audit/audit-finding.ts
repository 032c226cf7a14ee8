import type { Owner } from '../governance/index.ts';

/** How much a finding threatens the go-live: `critical` and `high` fail the audit's exit code. */
export type AuditSeverity = 'critical' | 'high' | 'medium' | 'low';

/** A record a finding is about, to look it up in Odoo. */
export interface AuditExample {
  readonly model: string;
  readonly id: number;
  readonly name: string;
}

/** One problem of master data or configuration, with who fixes it and how. */
export interface AuditFinding {
  // Stable, kebab-case: `partners-duplicate-email`.
  readonly id: string;
  readonly title: string;
  readonly owner: Owner;
  readonly severity: AuditSeverity;
  // Records (or groups of records) concerned.
  readonly count: number;
  // Up to 5.
  readonly examples: readonly AuditExample[];
  readonly fix: string;
}

/** What one check returns: its finding when it found something. */
export type AuditCheckResult = AuditFinding | undefined;

/** At most five examples, as every finding shows. */
export const firstExamples = (model: string, records: ReadonlyArray<{ readonly id: number; readonly name?: unknown; readonly display_name?: unknown }>): AuditExample[] =>
  records.slice(0, 5).map((r) => ({ model, id: r.id, name: String(r.display_name ?? r.name ?? r.id) }));
