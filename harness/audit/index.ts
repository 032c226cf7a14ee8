/** The read-only audit of master data and configuration (odoo-harness audit). */
export { AUDIT_METHODS, AuditWriteRefusedError, ReadOnlyTransport, readOnlyClient } from './read-only-client.ts';
export { auditFails, auditMarkdown, runAudit } from './run-audit.ts';
export type { AuditReport } from './run-audit.ts';
export type { AuditExample, AuditFinding, AuditSeverity } from './audit-finding.ts';
