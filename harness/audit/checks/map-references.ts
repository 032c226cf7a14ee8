import type { IntegrationMap } from '../../governance/index.ts';
import type { Domain, OdooClient } from '../../odoo/index.ts';
import type { AuditCheckResult } from '../audit-finding.ts';

// What the integration map names, where Odoo keeps it, and the field that names it.
const REFERENCES = [
  { key: 'journals', model: 'account.journal', field: 'code', what: 'journal (code)' },
  { key: 'warehouses', model: 'stock.warehouse', field: 'code', what: 'warehouse (short name)' },
  { key: 'locations', model: 'stock.location', field: 'complete_name', what: 'stock location (full name)' },
  { key: 'currencies', model: 'res.currency', field: 'name', what: 'active currency (ISO code)' },
  { key: 'integrationUsers', model: 'res.users', field: 'login', what: 'integration user (login)' },
] as const;

/** Journals, warehouses, locations and currencies the integration map needs and Odoo lacks. */
export const missingMapReferences = async (odoo: OdooClient, map: IntegrationMap): Promise<AuditCheckResult> => {
  const missing: string[] = [];
  for (const { key, model, field, what } of REFERENCES) {
    const wanted = map.odoo?.[key] ?? [];
    if (!wanted.length) continue;
    const domain: Domain = [[field, 'in', [...wanted]]];
    const found = new Set((await odoo.searchRead<Record<string, string>>(model, domain, { fields: [field] })).map((r) => r[field]));
    for (const name of wanted) if (!found.has(name)) missing.push(`${what} "${name}"`);
  }
  return missing.length
    ? {
        id: 'map-references-missing',
        title: 'What the integration map needs and Odoo lacks',
        owner: 'odoo-functional',
        severity: 'critical',
        count: missing.length,
        examples: missing.slice(0, 5).map((name, i) => ({ model: 'integration map', id: i + 1, name })),
        fix: 'create them in Odoo (or correct the integration map): the flows that use them fail on the first order',
      }
    : undefined;
};
