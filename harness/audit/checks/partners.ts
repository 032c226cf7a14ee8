import { normalizeEmail } from '../../connector/customers.ts';
import type { OdooClient } from '../../odoo/index.ts';
import { firstExamples, type AuditCheckResult } from '../audit-finding.ts';

interface Partner {
  readonly id: number;
  readonly display_name: string;
  readonly email: string | false;
  readonly vat: string | false;
  readonly zip: string | false;
  readonly country_id: [number, string] | false;
  readonly customer_rank: number;
  readonly is_company: boolean;
  readonly parent_id: [number, string] | false;
}

/** The active partners the checks look at (contacts of a company included), read once. */
export const readPartners = (odoo: OdooClient): Promise<Partner[]> =>
  odoo.searchRead<Partner>('res.partner', [['active', '=', true]], { fields: ['display_name', 'email', 'vat', 'zip', 'country_id', 'customer_rank', 'is_company', 'parent_id'], order: 'id' });

// Groups of two or more partners with the same key; partners without one are left out.
const duplicatesBy = (partners: readonly Partner[], key: (p: Partner) => string | undefined): Partner[][] => {
  const groups = new Map<string, Partner[]>();
  for (const partner of partners) {
    const k = key(partner);
    if (k) groups.set(k, [...(groups.get(k) ?? []), partner]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
};

const duplicateFinding = (id: string, title: string, groups: Partner[][], fix: string): AuditCheckResult =>
  groups.length ? { id, title, owner: 'business-process-owner', severity: 'high', count: groups.length, examples: firstExamples('res.partner', groups.flat()), fix } : undefined;

/** Partners that are one customer: the same email (case and spaces ignored), VAT, or name and ZIP. */
export const duplicatePartners = (partners: readonly Partner[]): AuditCheckResult[] => [
  duplicateFinding('partners-duplicate-email', 'Partners with the same email (case and spaces ignored)', duplicatesBy(partners, (p) => (p.email ? normalizeEmail(p.email) : undefined)),
    'merge them (Contacts → select → Action → Merge); the integration matches customers by email and would pick one at random'),
  duplicateFinding('partners-duplicate-vat', 'Partners with the same VAT number', duplicatesBy(partners, (p) => (p.vat ? p.vat.replace(/[\s.-]/g, '').toUpperCase() : undefined)),
    'merge them or correct the VAT: invoices and fiscal positions follow the VAT'),
  duplicateFinding('partners-duplicate-name-zip', 'Partners with the same name and ZIP', duplicatesBy(partners, (p) => (p.zip ? `${p.display_name.trim().toLowerCase()}|${p.zip.replace(/\s/g, '')}` : undefined)),
    'check whether they are one customer and merge them'),
];

/** Customers a carrier cannot ship to: no country or no ZIP. */
export const partnersMissingShippingData = (partners: readonly Partner[]): AuditCheckResult => {
  const missing = partners.filter((p) => p.customer_rank > 0 && (!p.country_id || !p.zip));
  return missing.length
    ? { id: 'partners-missing-shipping-data', title: 'Customers without country or ZIP', owner: 'business-process-owner', severity: 'medium', count: missing.length, examples: firstExamples('res.partner', missing), fix: 'complete their addresses: the carrier refuses a shipment without them, and taxes depend on the country' }
    : undefined;
};
