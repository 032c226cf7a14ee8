/**
 * odoo-exception-harness: what a project's scenarios and connector import.
 * @example
 * import { scenario, createStockedProduct, saleOrderFor, type Connector } from 'odoo-exception-harness';
 */
// Declaring scenarios: scenario(meta, body) and what its body receives.
export * from './scenario/index.ts';
// Test data: seeded customers and products made in Odoo.
export * from './data/index.ts';
// Business assertions: Odoo queries, invariants, expected divergences, eventually(...).
export * from './assert/index.ts';
// The integration under test: the Connector contract, the reference connector, loading a project's own.
export * from './connector/index.ts';
// The environment variables the harness reads, validated.
export * from './config/index.ts';
// The integration map and the owners failures are routed to.
export * from './governance/index.ts';
// The errors the harness throws, each with its category.
export * from './errors/index.ts';
// Odoo's own payment providers (Stripe, Mollie) driven from a scenario.
export * from './odoo-payments/index.ts';
// The simulated shop, payment gateway, carrier, Stripe and Mollie, and their virtual clock.
export * from '../mocks/index.ts';
export { VirtualClock } from '../mocks/shared/index.ts';
