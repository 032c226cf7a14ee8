import type { Correction } from '../connector/index.ts';
import type { Owner } from '../governance/index.ts';
import { isServerGoingAway } from '../odoo/index.ts';

/** Where a failed scenario's fix belongs; each is an Allure category (reports/allurerc.mjs). */
export type FailureCategory = 'infrastructure' | 'vendor-contract' | 'master-data' | 'odoo-functional' | 'integration-logic';

const MASTER_DATA_REASONS = new Set(['unknown_sku', 'incomplete_customer', 'duplicate_customer']);

/**
 * Routes a failure: Odoo or a container not answering is infrastructure; a webhook that broke its
 * contract is the vendor's; missing or incomplete master data is master data; what Odoo refused is
 * the Odoo functional team's; anything else (an assertion, an invariant, a replay that asks
 * something else) is the integration's logic.
 */
export const failureCategory = (error: unknown, openCorrections: readonly Correction[]): FailureCategory => {
  // An integration in another process that failed a call (an error answer, no answer) failed in
  // its own logic, whatever its message says of Odoo or the network: it is the one that must cope.
  if (causes(error).some((e) => e.name === 'IntegrationCallError')) return 'integration-logic';
  const name = (error as Error | undefined)?.name ?? '';
  const message = (error as Error | undefined)?.message ?? String(error);
  // An assertion is about a business outcome: its message may quote the network (an expected
  // "connection refused") without the network having failed.
  const networkWords = name !== 'AssertionError' && /got no Odoo answer|connection refused|ECONNREFUSED|container|Docker|No space left on device/i.test(message);
  if (['OdooTransportError', 'InfrastructureError'].includes(name) || isServerGoingAway(error) || networkWords) return 'infrastructure';
  if (openCorrections.some((c) => c.reason === 'contract_mismatch') || /contract_mismatch|does not match contract/.test(message)) return 'vendor-contract';
  if (openCorrections.some((c) => MASTER_DATA_REASONS.has(c.reason)) && /correction queue/.test(message)) return 'master-data';
  if (['OdooUserError', 'OdooServerError', 'OdooAccessError', 'OdooMissingRecordError'].includes(name) || /refused by Odoo|failed inside Odoo/.test(message)) return 'odoo-functional';
  return 'integration-logic';
};

// The error and the errors it was caused by.
const causes = (error: unknown): Error[] => {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
  return chain;
};

/**
 * Who must act on a failure of this category: IT for the infrastructure, the vendor for its
 * contract, the business for its master data, the functional team for what Odoo refused, and the
 * integration's maintainer (the integration map's `integrationOwner`) for its own logic.
 */
export const ownerOfFailure = (category: FailureCategory, integrationOwner: Owner): Owner =>
  (({
    infrastructure: 'it',
    'vendor-contract': 'external-vendor',
    'master-data': 'business-process-owner',
    'odoo-functional': 'odoo-functional',
    'integration-logic': integrationOwner,
  }) satisfies Record<FailureCategory, Owner>)[category];
