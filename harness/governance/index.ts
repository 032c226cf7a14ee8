/** Who must act on a failure. */
export { Owner } from './owner.ts';
/** The integration map (zod), its loader, and failure ownership. */
export { IntegrationFlow, IntegrationMap, loadIntegrationMap, OdooReferences, ownerOf, VendorContact } from './integration-map.ts';
