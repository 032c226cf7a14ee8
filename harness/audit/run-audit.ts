import type { IntegrationMap } from '../governance/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import type { AuditFinding, AuditSeverity } from './audit-finding.ts';
import { paymentLinesWithoutOutstandingAccount, taxesAgainstShopPricing } from './checks/accounting.ts';
import { integrationUsersAsAdministrators } from './checks/integration-users.ts';
import { missingMapReferences } from './checks/map-references.ts';
import { duplicatePartners, partnersMissingShippingData, readPartners } from './checks/partners.ts';
import { productIdentifiers, productsWithoutTaxes, readSaleableProducts } from './checks/products.ts';
import { markdownCell } from '../reporting/markdown-cell.ts';
import { readOnlyClient } from './read-only-client.ts';

/** What the audit found in one database. */
export interface AuditReport {
  readonly database: string;
  readonly odooVersion: string;
  readonly findings: readonly AuditFinding[];
}

const SEVERITY_ORDER: readonly AuditSeverity[] = ['critical', 'high', 'medium', 'low'];

/**
 * Reads the database's master data and configuration, never writing (every call goes through
 * ReadOnlyTransport), and returns the findings, most severe first.
 */
export const runAudit = async (odoo: OdooClient, map: IntegrationMap): Promise<AuditReport> => {
  const reader = readOnlyClient(odoo);
  // One call at a time: a recording replays in the order it was made.
  const partners = await readPartners(reader);
  const products = await readSaleableProducts(reader);
  const results = [
    ...duplicatePartners(partners),
    partnersMissingShippingData(partners),
    ...productIdentifiers(products),
    productsWithoutTaxes(products),
    await taxesAgainstShopPricing(reader, products.flatMap((p) => p.taxes_id), map.odoo?.shopPricesIncludeTax),
    await paymentLinesWithoutOutstandingAccount(reader),
    await missingMapReferences(reader, map),
    await integrationUsersAsAdministrators(reader, map),
  ];
  const findings = results.filter((f): f is AuditFinding => f !== undefined).sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { database: odoo.database, odooVersion: odoo.version.serverVersion, findings };
};

/** Whether the audit should fail a CI gate: a finding at `failOn` or worse. */
export const auditFails = (report: AuditReport, failOn: AuditSeverity = 'high'): boolean =>
  report.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= SEVERITY_ORDER.indexOf(failOn));

/** The audit as a Markdown section (for governance.md and the terminal). */
export const auditMarkdown = (report: AuditReport): string => {
  if (!report.findings.length) return `## Master data and configuration audit\n\n${report.database} (Odoo ${report.odooVersion}): nothing found.\n`;
  const rows = report.findings.map((f) => `| ${f.severity} | \`${f.id}\` ${markdownCell(f.title)} | ${f.owner} | ${f.count} | ${markdownCell(f.examples.map((e) => `${e.name} (${e.id})`).join('; '))} | ${markdownCell(f.fix)} |`);
  return [`## Master data and configuration audit`, '', `${report.database} (Odoo ${report.odooVersion}), read only:`, '', '| severity | finding | owner | count | examples (id) | fix |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
};
