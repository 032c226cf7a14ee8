import type { Faker } from '@faker-js/faker';
import { assert, inject, test as base } from 'vitest';
import { ConfigError } from '../errors/index.ts';
import { seededFaker } from '../data/index.ts';
import { step as allureStep } from 'allure-js-commons';
import { attachEvidence, failureCategory, labelFailure, labelFinding, labelNotCovered, labelOwner, labelScenario, ownerOfFailure, type FailureCategory } from '../reporting/index.ts';
import type { HttpHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import type { CarrierSimulator } from '../../mocks/carrier/index.ts';
import type { PaymentGatewaySimulator } from '../../mocks/payment/index.ts';
import type { VirtualClock } from '../../mocks/shared/index.ts';
import type { ShopOrder, ShopSimulator } from '../../mocks/shop/index.ts';
import { NotCoveredError, REFERENCE_MAP_PATH, type Connector } from '../connector/index.ts';
import { loadIntegrationMap, type Owner } from '../governance/index.ts';
import type { ExpectedDivergence } from '../assert/index.ts';
import { INTERRUPTED_BY_RESTART, type OdooClient } from '../odoo/index.ts';
import type { OdooFaults } from '../odoo/fault-proxy/index.ts';
import { OutsideWorld, salesChannel, startMswServer, type CheckoutOptions } from './outside-world.ts';
import { ScenarioMeta } from './scenario-meta.ts';
import { findingDeclaredOn, FindingGoneError, findingSuffix, provenFinding, type ProvenFinding } from './finding.ts';
import { declaredRestart, type RestartOdoo } from './odoo-restart.ts';
import { unmetNeed } from './scenario-needs.ts';
import { checkAfterScenario, withInvariants } from './post-scenario-check.ts';
import { ScenarioSession } from './scenario-session.ts';
import { Warehouse } from './warehouse.ts';
import { CONFIG_VARIANTS, type ConfigName } from '../env/template/config-variants.ts';
import { OdooMollie, OdooStripe, ProviderContractError, type OdooProvider } from '../odoo-payments/index.ts';

/** A named business step; a failure inside it names the step. */
export type Step = <T>(name: string, body: () => Promise<T>) => Promise<T>;

/** A sales channel's systems and its integration instance, as a scenario drives them. */
export interface ChannelContext {
  // `shop` for the first channel; the name given to addChannel for the others.
  readonly name: string;
  // The channel's simulated shop: its ledger (orders, customers, stock as shown), webhooks and faults.
  readonly shop: ShopSimulator;
  // The channel's simulated payment gateway: its ledger (the money that moved), webhooks and faults.
  readonly gateway: PaymentGatewaySimulator;
  // The channel's simulated carrier: its ledger (what left or came back), webhooks and faults.
  readonly carrier: CarrierSimulator;
  // The integration under test, wired to the simulators and to this scenario's Odoo.
  readonly connector: Connector;
  // A customer checks out: authorization at the gateway, order in the shop.
  readonly checkout: (options: CheckoutOptions) => ShopOrder;
  // Delivers every due webhook to the connector; returns how many.
  readonly deliverWebhooks: () => Promise<number>;
  // The step "the order is imported and paid": webhooks delivered, payment captured, webhooks delivered.
  readonly importAndPay: (order: ShopOrder) => Promise<void>;
  // The warehouse prepares the order, then the connector books the carrier; the shipment id, or
  // undefined when the booking was parked.
  readonly bookShipment: (order: ShopOrder) => Promise<string | undefined>;
}

/** What a scenario body receives: the first channel's (the web shop's) systems, Odoo, and the tools below. */
export interface ScenarioContext extends Omit<ChannelContext, 'name'> {
  // The scenario's own Odoo database (a fresh copy of the template), or its replay.
  readonly odoo: OdooClient;
  // Faker seeded for this scenario: the same data on every run and on replay.
  readonly data: Faker;
  // The scenario's date, `YYYY-MM-DD`; on replay, the date of the recording.
  readonly today: string;
  // A named business step: `await step('the order is imported', () => …)`; a failure inside it
  // names the step, and the report shows it.
  readonly step: Step;
  // Virtual time of the simulators and the connector.
  readonly clock: VirtualClock;
  // The warehouse staff: `prepare(order)` picks (and packs) on a multi-step warehouse; nothing on one step.
  readonly warehouse: Pick<Warehouse, 'prepare'>;
  // Installs fault handlers (e.g. `gateway.faults.outage('1h')`) in front of the simulators.
  readonly inject: (...handlers: HttpHandler[]) => void;
  // The network link to Odoo: `down()` makes every call fail as a refused connection, `up()` restores it.
  readonly odooLink: { down(): void; up(): void };
  // One more instance of the integration on the same systems and Odoo, with its own state (two
  // pods): for concurrency. Its correction queue is its own.
  readonly anotherConnectorInstance: () => Promise<Connector>;
  // Faults on the HTTP way to Odoo, for chosen calls: `odooFaults.inject({ model: 'sale.order',
  // method: 'load', fault: 'lose-answer' })` (Odoo commits, the answer is lost), 'refuse',
  // 'bad-gateway', 'unavailable', 'gateway-timeout', 'slow' (with delayMs), 'reset-mid-body'.
  readonly odooFaults: Pick<OdooFaults, 'inject'>;
  // A real restart of Odoo (docker target; declare needs: ['odoo-restart']): `restartOdoo(async () =>
  // …)` stops it, runs the callback while it is down, then starts it and waits until it answers.
  readonly restartOdoo: RestartOdoo;
  // Wires one more sales channel (e.g. 'marketplace') on the same Odoo and clock: its own shop
  // (order numbers `MA-1001`, ids from `ord_0001` like the web shop's), payment and carrier
  // accounts, and an instance of the integration bound to it. The invariants cover every channel.
  readonly addChannel: (name: string) => Promise<ChannelContext>;
  // Declares an invariant's divergence as expected while a correction item stays open
  // (e.g. the gateway refunded, the credit note waits for a person); the report links the item.
  readonly expectDivergence: (divergence: ExpectedDivergence) => void;
  // Odoo's own Stripe provider and the scenario's simulated Stripe account it calls, with a
  // customer's browser on the portal (only with `capability: 'payment-stripe'` in the metadata).
  readonly stripe: OdooStripe;
  // Odoo's own Mollie provider and the scenario's simulated Mollie account, with a customer's
  // browser on the portal (only with `capability: 'payment-mollie'` in the metadata).
  readonly mollie: OdooMollie;
}

interface ScenarioFixtures {
  session: ScenarioSession;
  odoo: OdooClient;
  data: Faker;
  world: OutsideWorld;
}

interface WorkerFixtures {
  msw: SetupServer;
}

/**
 * vitest's `test` with the scenario fixtures: `odoo` (a client on a fresh database) and `data`
 * (seeded Faker). Set up only when a test names them, torn down in reverse, even on failure.
 */
export const scenarioTest = base.extend<ScenarioFixtures & WorkerFixtures>({
  msw: [
    async ({}, use) => {
      const server = startMswServer();
      await use(server);
      server.close();
    },
    { scope: 'worker' },
  ],
  session: async ({ task }, use) => {
    const meta = task.meta.scenario;
    if (!meta) throw new ConfigError(task.file.name, `✖ "${task.name}" uses the scenario fixtures but was not declared with scenario()`);
    let session: ScenarioSession;
    try {
      session = await ScenarioSession.open(meta.id, inject('harness'), { timeoutMs: meta.odooTimeoutMs, capability: meta.capability });
    } catch (error) {
      // Failed before the scenario began (no database, no login): routed like any failure.
      const category = failureCategory(error, []);
      await labelFailure(category);
      await labelOwner(ownerOfFailure(category, await integrationOwner()));
      throw error;
    }
    let passed = false;
    try {
      await use(session);
      passed = task.result?.state !== 'fail';
    } finally {
      // A scenario not covered stopped at the connector's refusal: nothing to record of it.
      const kept = await session.close(passed && !failedTasks.has(task.id), { complete: !notCoveredTasks.has(task.id) });
      task.meta.odooRun = session.runFacts(kept);
      failedTasks.delete(task.id);
      notCoveredTasks.delete(task.id);
    }
  },
  odoo: async ({ session }, use) => use(session.odoo),
  data: async ({ session }, use) => use(seededFaker(session.seed)),
  world: async ({ msw, odoo, session, task }, use) => {
    const world = await OutsideWorld.create(msw, odoo, { policy: task.meta.scenario?.connectorPolicy, currency: shopCurrency(), integrationOdoo: () => session.integrationOdoo() });
    try {
      await use(world);
    } finally {
      // Integration processes and servers stop before the session gives its database back.
      await world.dispose();
    }
  },
});

// What the run's configuration has the shops sell in.
const shopCurrency = (): string => CONFIG_VARIANTS[inject('harness').config as ConfigName].shopCurrency;

// Who maintains the integration's code, from the integration map (read once per worker).
let integrationOwnerOnce: Promise<Owner> | undefined;
const integrationOwner = (): Promise<Owner> => (integrationOwnerOnce ??= loadIntegrationMap(process.env.HARNESS_INTEGRATION_MAP ?? REFERENCE_MAP_PATH).then((map) => map.integrationOwner));

// Tests whose body threw: the fixture's teardown must not record or drop as if they passed.
const failedTasks = new Set<string>();
// Tests stopped as not covered: dropped like a pass, never recorded.
const notCoveredTasks = new Set<string>();

/**
 * Declares a scenario: its metadata once, then a body that reads like a story.
 * @throws ConfigError at declaration when the metadata is invalid (the message names the field).
 * @example
 * scenario({ id: 'smoke/order-to-cash', title: '…', area: 'smoke', flow: 'order-to-cash',
 *            exception: 'none', owner: 'odoo-functional', severity: 'critical' },
 *   async ({ odoo, data, step }) => { … });
 */
export const scenario = (meta: ScenarioMeta, body: (context: ScenarioContext) => Promise<void>): void => {
  const parsed = ScenarioMeta.safeParse(meta);
  if (!parsed.success) throw ConfigError.fromZod(`scenario "${meta.id}"`, parsed.error);
  // Where a configuration of the matrix does not apply, the scenario is reported as skipped, with why.
  const config = inject('harness').config;
  const unmet = unmetNeed(parsed.data.needs, inject('harness'));
  if (unmet) {
    scenarioTest.skip(`${parsed.data.id}: ${parsed.data.title} (${unmet})`, { meta: { scenario: parsed.data } }, () => undefined);
    return;
  }
  const notApplicable = parsed.data.notOn?.[config as keyof typeof parsed.data.notOn];
  if (notApplicable) {
    scenarioTest.skip(`${parsed.data.id}: ${parsed.data.title} (not on ${config}: ${notApplicable})`, { meta: { scenario: parsed.data } }, () => undefined);
    return;
  }
  // A scenario cut by a restart of Odoo is run once more, on a fresh copy; any other failure is final.
  const retry = { count: 1, delay: 2_000, condition: INTERRUPTED_BY_RESTART };
  scenarioTest(`${parsed.data.id}: ${parsed.data.title}${findingSuffix(parsed.data.finding)}`, { meta: { scenario: parsed.data }, retry }, async ({ odoo, data, session, world, task, skip }) => {
    // The id names the recording file: it must follow the scenario's own path (under the
    // project's scenarios/, or the library's in the package, compiled).
    const expectedFile = `scenarios/${parsed.data.id}.scenario.ts`;
    if (!isFileOf(parsed.data.id, task.file.name)) throw new ConfigError(task.file.name, `✖ scenario id "${parsed.data.id}" must match its file: expected ${expectedFile}`);
    await labelScenario(parsed.data, { ...session.facts });
    let reconciliation = 'not checked: the scenario failed before its end';
    let violated: string[] = [];
    let failure: FailureCategory | undefined;
    let finding: ProvenFinding | undefined;
    // Set when the scenario needed a capability the connector does not declare.
    let notCovered: NotCoveredError | undefined;
    const expectedDivergences: ExpectedDivergence[] = [];
    const warehouse = new Warehouse(odoo, config);
    const bookShipment = (channel: OutsideWorld) => async (order: ShopOrder) => {
      await warehouse.prepare(order);
      return channel.connector.requestShipment(order.id);
    };
    // What a scenario drives of one channel: its systems, and its steps named in the report.
    const channelContext = (channel: OutsideWorld, importStep: string): Omit<ChannelContext, 'name'> => ({
      shop: channel.shop,
      gateway: channel.gateway,
      carrier: channel.carrier,
      connector: channel.connector,
      checkout: (options) => channel.checkout(options),
      deliverWebhooks: () => channel.deliverWebhooks(),
      importAndPay: (order) => runStep(importStep, () => channel.importAndPay(order)),
      bookShipment: bookShipment(channel),
    });
    // The web shop first, then the channels the scenario adds.
    const channels: OutsideWorld[] = [world];
    const openCorrections = () => channels.flatMap((c) => c.connector.corrections.open);
    const run = inject('harness');
    const pageTimeoutMs = parsed.data.odooTimeoutMs ?? (run.mode === 'live' ? run.timeoutMs : 120_000);
    const stripe = parsed.data.capability === 'payment-stripe' ? await OdooStripe.open(odoo, world.clock, parsed.data.id, session.serving, pageTimeoutMs) : undefined;
    const mollie = parsed.data.capability === 'payment-mollie' ? await OdooMollie.open(odoo, world.clock, parsed.data.id, session.serving, pageTimeoutMs) : undefined;
    // Odoo's own provider the scenario's capability brings (none in the connector's scenarios).
    const ownProvider: OdooProvider | undefined = stripe ?? mollie;
    try {
      let bodyError: unknown;
      try {
        await body({
          get stripe(): OdooStripe {
            if (!stripe) throw new ConfigError(expectedFile, `✖ scenario "${parsed.data.id}" uses stripe: declare capability: 'payment-stripe' in its metadata`);
            return stripe;
          },
          get mollie(): OdooMollie {
            if (!mollie) throw new ConfigError(expectedFile, `✖ scenario "${parsed.data.id}" uses mollie: declare capability: 'payment-mollie' in its metadata`);
            return mollie;
          },
          odoo,
          data,
          today: session.today,
          step: runStep,
          clock: world.clock,
          ...channelContext(world, 'the order is imported and paid'),
          inject: (...handlers) => world.server.use(...handlers),
          odooLink: session.link,
          anotherConnectorInstance: () => world.anotherInstance(),
          warehouse,
          addChannel: async (name) => {
            const channel = await OutsideWorld.create(world.server, odoo, {
              policy: task.meta.scenario?.connectorPolicy,
              channel: salesChannel(name, channels.map((c) => c.channel)),
              clock: world.clock,
              currency: world.currency,
              integrationOdoo: () => session.integrationOdoo(),
              cleanups: world.cleanups,
            });
            channels.push(channel);
            return { name, ...channelContext(channel, `the ${name} order is imported and paid`) };
          },
          odooFaults: { inject: (rule) => session.faults.inject(rule) },
          restartOdoo: declaredRestart(parsed.data, session.restartOdoo),
          expectDivergence: (divergence) => void expectedDivergences.push(divergence),
        });
      } catch (error) {
        bodyError = error;
      }
      // A request of an integration in another process that the harness could not answer (on
      // replay: one the recording lacks) is the run's failure, whatever the integration made of it:
      // what the body then saw follows from it.
      const unanswered = await session.integrationUnanswered();
      if (unanswered) bodyError = unanswered;
      // A call the connector does not cover decides the result, whatever the body made of it.
      const uncovered = channels.flatMap((c) => c.uncovered);
      if (uncovered.length) throw new NotCoveredError(uncovered);
      // The provider's answers that broke their contract and that the scenario did not take and assert.
      const offContract = ownProvider?.takeOffContract() ?? [];
      if (ownProvider && offContract.length && bodyError === undefined) bodyError = new ProviderContractError(ownProvider.providerName, offContract);
      // The rules that must hold after any scenario, checked on the link restored by the harness.
      session.link.up();
      const invariantWorld = {
        odoo,
        channels: channels.map((c) => ({ name: c.channel.name, shop: c.shop, gateway: c.gateway, carrier: c.carrier, connector: c.connector })),
        ...(stripe ? { stripe: stripe.simulator } : {}),
        ...(mollie ? { mollie: mollie.simulator } : {}),
      };
      const outcome = await checkAfterScenario(invariantWorld, bodyError, expectedDivergences);
      reconciliation = outcome.reconciliation;
      violated = outcome.violations.map((v) => v.invariant);
      if (bodyError !== undefined) {
        // Routed by the body's own error, before the invariants' table is added to its message.
        failure = failureCategory(bodyError, openCorrections());
        throw withInvariants(bodyError, outcome);
      }
      if (outcome.violations.length) assert.fail(`${outcome.violations.length} invariant(s) violated after the scenario:\n${reconciliation}`);
      if (findingDeclaredOn(parsed.data.finding, odoo.version.major)) throw new FindingGoneError(parsed.data.id, parsed.data.finding, odoo.version.major);
    } catch (error) {
      if (error instanceof NotCoveredError) {
        notCovered = error;
        notCoveredTasks.add(task.id);
        await labelNotCovered(error.uncovered.map((u) => u.capability));
        return;
      }
      // The declared defect, proven once more: reported as a finding for its owner, not a failure.
      finding = error instanceof FindingGoneError ? undefined : provenFinding(parsed.data.finding, odoo.version.major, error);
      if (finding) {
        // Not a failure: the category the body's error was routed to no longer applies.
        failure = undefined;
        await labelFinding(finding);
        return;
      }
      failedTasks.add(task.id);
      failure ??= failureCategory(error, openCorrections());
      await labelFailure(failure);
      throw error;
    } finally {
      await ownProvider?.close();
      // The owner follows what failed (an Odoo refusal is the functional team's, a wrong figure the
      // integration's); a passing scenario keeps the owner its metadata names.
      const failureOwner = failure && ownerOfFailure(failure, await integrationOwner());
      await labelOwner(failureOwner ?? finding?.owner ?? parsed.data.owner);
      task.meta.governance = {
        corrections: channels.flatMap(({ channel, connector }) => connector.corrections.items.map((c) => ({
          channel: channel.name,
          flow: c.flow,
          reason: c.reason,
          owner: c.owner,
          reference: c.reference,
          ...(c.resolvedAt ? { resolutionMs: Date.parse(c.resolvedAt) - Date.parse(c.createdAt) } : {}),
        }))),
        violations: violated,
        writeOffs: channels.reduce((sum, c) => sum + c.connector.corrections.writeOffs.length, 0),
        channels: Object.fromEntries(channels.map((c) => [c.channel.name, { orders: c.shop.ledger.orders.size, writeOffs: c.connector.corrections.writeOffs.length }])),
        ...(failureOwner ? { failureOwner } : {}),
        ...(finding ? { finding } : {}),
        ...(notCovered ? { notCovered: [...new Set(notCovered.uncovered.map((u) => u.capability))] } : {}),
      };
      await attachEvidence({
        transcript: session.transcript(),
        ledgers: {
          ...world.ledgers(),
          ...ownProvider?.ledgerEvidence(),
          ...(channels.length > 1 ? { otherChannels: Object.fromEntries(channels.slice(1).map((c) => [c.channel.name, c.ledgers()])) } : {}), odooFaultsFired: session.faults.fired },
        corrections: channels.flatMap((c) => c.connector.corrections.items.map((item) => (c === world ? item : { channel: c.channel.name, ...item }))),
        reconciliation,
        // The file as vitest names it: the project's own, or the library's inside the package.
        replayCommand: `npx vitest run --project replay-${odoo.version.major} ${task.file.name}`,
        seed: session.seed,
      });
      // Neither passed nor failed: vitest reports it skipped, with why; the reporters say "not covered".
      if (notCovered) skip(notCovered.message);
    }
  });
};

// `scenarios/<id>.scenario.ts` from the project's root, or the library's compiled file in the package.
const isFileOf = (id: string, file: string): boolean => {
  const path = file.split('\\').join('/');
  return path === `scenarios/${id}.scenario.ts` || path.endsWith(`/dist/scenarios/${id}.scenario.js`);
};

// A business step is an Allure step too.
const runStep: Step = async (name, body) => {
  try {
    return await allureStep(name, body);
  } catch (error) {
    if (error instanceof Error && !error.message.startsWith('[step ')) error.message = `[step "${name}"] ${error.message}`;
    throw error;
  }
};
