/** A proxy in front of Odoo that fails chosen calls as networks and reverse proxies do. */
export { checkFaultRule, OdooFaultProxy } from './fault-proxy.ts';
export type { FiredFault, OdooFaultKind, OdooFaultRule, OdooFaults } from './fault-proxy.ts';
export { callOfRequest } from './call-of-request.ts';
export type { RequestedCall } from './call-of-request.ts';
