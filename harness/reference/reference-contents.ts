import type { z } from 'zod';
import { DEFAULT_POLICY } from '../connector/connector-context.ts';
import { ScenarioMeta } from '../scenario/scenario-meta.ts';
import { Address, ShopCustomer, ShopOrder, ShopOrderLine } from '../../mocks/shop/contracts/v1.ts';
import type { TsTarget } from './extract-ts.ts';

/** One thing the reference documents, read from the code. */
export type ReferenceEntry =
  // An interface, class, type or function; `fields` tables say which fields are required, `defaults` adds a default column.
  | { readonly ts: TsTarget; readonly table?: 'fields' | 'members'; readonly defaults?: object; readonly note?: string }
  // A zod object schema: its fields from the schema, its own comment from the declaration `ts`.
  | { readonly zod: z.ZodObject; readonly ts: TsTarget; readonly note?: string }
  // Every export of an index.ts: functions and constants in one table, each type in a section of its own.
  | { readonly exportsOf: string; readonly lists?: readonly string[] };

/** A part of the reference: a heading, a sentence on what it is for, and its entries. */
export interface ReferencePart {
  readonly title: string;
  readonly intro: string;
  readonly entries: readonly ReferenceEntry[];
}

// How an interface, class or function is shown: `fields` tables say which fields are required;
// `defaults` (an object of the same fields, e.g. DEFAULT_POLICY) adds a default column.
interface TsOptions {
  readonly members?: TsTarget['members'];
  readonly table?: 'fields' | 'members';
  readonly defaults?: object;
  readonly note?: string;
}

const ts = (file: string, name: string, { members, ...rest }: TsOptions = {}): ReferenceEntry => ({ ts: { file, name, ...(members ? { members } : {}) }, ...rest });
const faults = (file: string, name: string): ReferenceEntry => ts(file, name, { members: 'returned' });

/** What scenarios/REFERENCE.md covers, in reading order. */
export const REFERENCE_CONTENTS: readonly ReferencePart[] = [
  {
    title: 'Writing a scenario',
    intro: 'A scenario file calls `scenario(meta, body)` (harness/scenario/index.ts): the metadata below, then a body that receives the scenario context.',
    entries: [
      ts('harness/scenario/scenario.ts', 'scenario'),
      { zod: ScenarioMeta, ts: { file: 'harness/scenario/scenario-meta.ts', name: 'ScenarioMeta' }, note: '`scenario()` checks the metadata when the file is loaded and throws a ConfigError naming the field.' },
      ts('harness/scenario/scenario.ts', 'ScenarioContext'),
      ts('harness/scenario/scenario.ts', 'ChannelContext'),
      ts('harness/scenario/scenario.ts', 'Step'),
    ],
  },
  {
    title: 'Orders: checkout(...)',
    intro: "`checkout(options)` places an order in the shop after the gateway authorized its total; it returns the shop's order.",
    entries: [
      ts('harness/scenario/outside-world.ts', 'CheckoutOptions', { table: 'fields' }),
      ts('mocks/shop/state.ts', 'NewOrder', { table: 'fields' }),
      { zod: ShopCustomer, ts: { file: 'mocks/shop/contracts/v1.ts', name: 'ShopCustomer' }, note: '`checkout` takes it without `id` (the shop numbers new customers `cus_0001` …).' },
      { zod: ShopOrderLine, ts: { file: 'mocks/shop/contracts/v1.ts', name: 'ShopOrderLine' }, note: '`checkout` takes lines without `id`; `discountPercent` may be left out.' },
      { zod: Address, ts: { file: 'mocks/shop/contracts/v1.ts', name: 'Address' } },
      { zod: ShopOrder, ts: { file: 'mocks/shop/contracts/v1.ts', name: 'ShopOrder' } },
    ],
  },
  {
    title: 'Simulators: shop, payment gateway, carrier',
    intro: 'Each channel has the three simulators (`shop`, `gateway`, `carrier` in the context): a `ledger` to act on and assert against, `webhooks` (a WebhookOutbox) and `faults` to pass to `inject(...)`.',
    entries: [
      ts('mocks/shop/index.ts', 'ShopSimulator'),
      ts('mocks/shop/state.ts', 'ShopLedger'),
      faults('mocks/shop/faults.ts', 'shopFaults'),
      ts('mocks/payment/index.ts', 'PaymentGatewaySimulator'),
      ts('mocks/payment/state.ts', 'GatewayLedger'),
      ts('mocks/payment/state.ts', 'GatewayOptions', { table: 'fields' }),
      ts('mocks/payment/state.ts', 'MoneyMovement', { table: 'fields' }),
      faults('mocks/payment/faults.ts', 'gatewayFaults'),
      ts('mocks/carrier/index.ts', 'CarrierSimulator'),
      ts('mocks/carrier/state.ts', 'CarrierLedger'),
      faults('mocks/carrier/faults.ts', 'carrierFaults'),
      ts('mocks/shared/webhook-outbox.ts', 'WebhookOutbox'),
      ts('mocks/shared/webhook-outbox.ts', 'DeliveryReport', { table: 'fields' }),
      ts('mocks/shared/faults.ts', 'FaultInjector'),
      ts('mocks/shared/faults.ts', 'FaultKind'),
      ts('mocks/shared/virtual-clock.ts', 'VirtualClock'),
      ts('mocks/shared/virtual-clock.ts', 'Duration'),
    ],
  },
  {
    title: "Odoo's own payment providers: stripe, mollie",
    intro: "With `capability: 'payment-stripe'` or `'payment-mollie'` in the metadata, the context's `stripe` or `mollie` is Odoo's own provider (payment_stripe, payment_mollie) calling a simulated account, with a customer's browser on Odoo's portal.",
    entries: [
      ts('harness/odoo-payments/odoo-provider.ts', 'OdooProvider'),
      ts('harness/odoo-payments/odoo-stripe.ts', 'OdooStripe'),
      ts('mocks/stripe/index.ts', 'StripeSimulator'),
      ts('mocks/stripe/stripe-ledger.ts', 'StripeLedger'),
      faults('mocks/stripe/stripe-faults.ts', 'stripeFaults'),
      { ts: { file: 'mocks/stripe/stripe-faults.ts', name: 'StripeEndpointName', resolve: true } },
      ts('harness/odoo-payments/odoo-mollie.ts', 'OdooMollie'),
      ts('harness/odoo-payments/odoo-mollie.ts', 'MollieCheckout', { table: 'fields' }),
      ts('mocks/mollie/index.ts', 'MollieSimulator'),
      ts('mocks/mollie/mollie-ledger.ts', 'MollieLedger'),
      ts('mocks/mollie/mollie-ledger.ts', 'CheckoutChoice'),
      ts('mocks/mollie/mollie-ledger.ts', 'MollieWebhook', { table: 'fields' }),
      faults('mocks/mollie/handlers.ts', 'mollieFaults'),
    ],
  },
  {
    title: 'The integration under test',
    intro: "The context's `connector` is the integration: the reference connector, or yours (HARNESS_CONNECTOR) implementing the same interface. An integration in a process of its own gets `outOfProcess` in its factory's options (README: \"An integration in another process, in any language\").",
    entries: [
      ts('harness/connector/connector.ts', 'Connector'),
      ts('harness/connector/connector-context.ts', 'ConnectorPolicy', {
        table: 'fields',
        defaults: DEFAULT_POLICY,
        note: "A scenario chooses with `connectorPolicy` in its metadata (`backorder` only); the default column is DEFAULT_POLICY's.",
      }),
      ts('harness/connector/correction-queue.ts', 'CorrectionQueue'),
      ts('harness/connector/correction-queue.ts', 'Correction', { table: 'fields' }),
      ts('harness/connector/correction-queue.ts', 'WriteOff', { table: 'fields' }),
      ts('harness/connector/out-of-process/out-of-process.ts', 'OutOfProcessHooks'),
      ts('harness/odoo/pages/integration-odoo-proxy.ts', 'IntegrationOdooEndpoint', { table: 'fields' }),
      ts('harness/connector/out-of-process/integration-process.ts', 'IntegrationProcess'),
      ts('harness/connector/out-of-process/integration-process.ts', 'IntegrationProcessOptions', { table: 'fields' }),
    ],
  },
  {
    title: 'Assertions: harness/assert',
    intro: 'What `harness/assert/index.ts` exports. After its body every scenario is checked against the invariants below; `expectDivergence` in the context names one of them.',
    entries: [{ exportsOf: 'harness/assert/index.ts', lists: ['INVARIANT_NAMES'] }],
  },
];
