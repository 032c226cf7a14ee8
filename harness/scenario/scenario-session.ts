import { BrokerClient, type CapabilityName } from '../env/index.ts';
import {
  connectOdoo,
  OdooClient,
  PageTransport,
  pageFetch,
  type OutboundRecord,
  retryWhileServerGoesAway,
  readRecording,
  RecordingTransport,
  recordingPath,
  ReplayTransport,
  writeRecording,
  type Recording,
  type RecordedExchange,
} from '../odoo/index.ts';
import { checkFaultRule, OdooFaultProxy, type OdooFaults } from '../odoo/fault-proxy/index.ts';
import { IntegrationOdooProxy, type IntegrationOdooEndpoint } from '../odoo/pages/integration-odoo-proxy.ts';
import { SecretRedactor } from '../secrets/index.ts';
import type { HarnessRunContext } from './run-context.ts';
import { OdooLink } from './odoo-link.ts';
import { brokerRestart, replayedRestart, type RestartOdoo } from './odoo-restart.ts';
import type { OdooRunFacts } from './scenario-meta.ts';
import { seedFor } from './seed.ts';

/**
 * What a simulator that serves Odoo itself (Odoo's own Stripe provider calling "Stripe") needs of
 * the scenario's session. Live: its server goes behind the run's outbound proxy and what it
 * answers is recorded with the call during which Odoo asked it; on replay it gets the recorded
 * requests at the same points and must answer them as it did live.
 */
export interface OdooServingHooks {
  readonly mode: 'live' | 'replay';
  /** Live: Odoo's calls carrying `credential` go to `upstream` (none: no longer). */
  route(credential: string, upstream?: string): Promise<void>;
  /** Live: where the recorder takes, after each call, what the simulators answered Odoo meanwhile. */
  tap(drain: () => OutboundRecord[]): void;
  /** Replay: gets the recorded requests of each call, to answer them again. */
  replayWith(replayer: (calls: readonly OutboundRecord[], during: string) => Promise<void>): void;
  /** Values kept out of recordings and reports (the scenario's API keys and webhook secret). */
  secret(...values: string[]): void;
  /** A fetch for Odoo's own pages as `client` (the customer's browser, a provider's webhooks), recorded and replayed with the RPC calls. */
  pages(client: string): typeof globalThis.fetch;
}

/**
 * Everything one scenario run holds on to: its database, its client (live, recording or
 * replaying), its seed and "today". `open` sets it up; `close` gives the database back,
 * writes the recording of a passed live run, and checks that a replay asked everything.
 */
export class ScenarioSession {
  // The way an integration in another process reaches this scenario's Odoo, once asked for.
  #integrationProxy: Promise<IntegrationOdooProxy> | undefined;

  private constructor(
    readonly scenarioId: string,
    readonly odoo: OdooClient,
    readonly seed: number,
    // The scenario's date, `YYYY-MM-DD` (the recording's on replay).
    readonly today: string,
    readonly facts: Omit<OdooRunFacts, 'rpcCalls' | 'odooMs' | 'databaseMs'>,
    // The link to Odoo, which scenarios can cut (OdooLink).
    readonly link: OdooLink,
    // Faults on the HTTP way to Odoo (a proxy in front of it, live); a replay replays their outcome.
    readonly faults: OdooFaults,
    // A real restart of Odoo (the docker target's container); on replay the recording answers.
    readonly restartOdoo: RestartOdoo,
    // For simulators Odoo itself calls (its payment providers).
    readonly serving: OdooServingHooks,
    // On replay, the live run's time in Odoo (the replayed calls themselves take no time).
    private readonly recordedOdooMs: number | undefined,
    private databaseMs: number,
    // What was asked of Odoo and what it answered, secrets removed (for the report).
    readonly transcript: () => readonly RecordedExchange[],
    private readonly finish: (passed: boolean, complete: boolean) => Promise<string | undefined>,
  ) {}

  static async open(
    scenarioId: string,
    run: HarnessRunContext,
    overrides: { readonly timeoutMs?: number | undefined; readonly capability?: CapabilityName | undefined } = {},
  ): Promise<ScenarioSession> {
    const redactor = new SecretRedactor();
    if (run.mode === 'replay') {
      const path = recordingPath(run.recordingsDir, run.major, scenarioId, run.config);
      const recording = await readRecording(path);
      const replay = new ReplayTransport(recording, redactor, path);
      const link = new OdooLink(replay, 'replay:');
      const odoo = new OdooClient(
        link,
        { url: 'replay:', database: `replay_${scenarioId}`, version: { major: recording.odoo.major, minor: recording.odoo.minor, serverVersion: recording.odoo.serverVersion }, transport: recording.transport },
        { redactor },
      );
      const facts = { odooVersion: recording.odoo.serverVersion, target: 'replay' as const, transport: recording.transport, seed: recording.seed, config: run.config };
      const recordedOdooMs = recording.exchanges.reduce((sum, e) => sum + e.ms, 0);
      const faults: OdooFaults = { inject: checkFaultRule, fired: [] };
      const serving: OdooServingHooks = {
        mode: 'replay',
        route: async () => undefined,
        tap: () => undefined,
        replayWith: (replayer) => void (replay.outboundReplayer = replayer),
        secret: (...values) => redactor.add(...values),
        pages: (client) => pageFetch(link, odoo.database, client),
      };
      return new ScenarioSession(scenarioId, odoo, recording.seed, recording.today, facts, link, faults, replayedRestart, serving, recordedOdooMs, 0, () => recording.exchanges, async (passed, complete) => {
        if (passed && complete) replay.assertFullyReplayed();
        return undefined;
      });
    }

    const target = run.target;
    const broker = new BrokerClient(run.controlUrl, run.controlToken);
    const setupStarted = performance.now();
    const { database, apiKey } = await broker.acquire(scenarioId, overrides.capability);
    // On a shared database earlier runs' data is still there: each run gets data of its own.
    const seed = run.seed ?? seedFor(target.sharedDatabase ? `${scenarioId}@${database}@${Date.now()}` : scenarioId);
    const today = new Date().toISOString().slice(0, 10);
    let recorder: RecordingTransport | undefined;
    let link: OdooLink | undefined;
    let odoo: OdooClient;
    let proxy: OdooFaultProxy | undefined;
    try {
      // Every call goes through a fault proxy on loopback, so a scenario can fail chosen calls on
      // the wire (an answer lost after Odoo committed, a 504 …) with no flag in the client.
      proxy = await OdooFaultProxy.start(target.url);
      const viaProxy = proxy.url;
      // A login is safe to repeat: one cut by a restart is made again once Odoo answers.
      odoo = await retryWhileServerGoesAway(() => connectOdoo({
        url: viaProxy,
        serverLabel: `${target.url} (through the harness's fault proxy)`,
        database,
        login: target.login,
        password: target.password,
        apiKey: apiKey ?? target.apiKey,
        transport: target.transport,
        timeoutMs: overrides.timeoutMs ?? run.timeoutMs,
        restartWaitMs: run.restartWaitMs,
        redactor,
        // The recorder also keeps the report's transcript; the link goes outside it, so calls made
        // while the link is down never reach Odoo.
        // Page requests (portal, webhooks) go the same way, through the fault proxy, to be recorded with the calls.
        // An integration in another process is signed in below the recorder, as the harness's own user.
        wrapTransport: (inner) => {
          const pages = new PageTransport(inner, viaProxy, overrides.timeoutMs ?? run.timeoutMs, fetch, { login: target.login, secret: apiKey ?? target.apiKey ?? target.password });
          return (link = new OdooLink((recorder = new RecordingTransport(pages, redactor)), target.url));
        },
      }));
    } catch (error) {
      await proxy?.close();
      await broker.release(database, false);
      throw error;
    }
    const faultProxy = proxy;
    const facts = { odooVersion: target.version.serverVersion, target: target.kind, transport: target.transport, seed, config: run.config };
    const databaseMs = Math.round(performance.now() - setupStarted);
    const liveRecorder = recorder!;
    const serving: OdooServingHooks = {
      mode: 'live',
      route: (credential, upstream) => broker.routeOutbound(credential, upstream),
      tap: (drain) => void (liveRecorder.outboundTap = drain),
      replayWith: () => undefined,
      secret: (...values) => redactor.add(...values),
      pages: (client) => pageFetch(link!, database, client),
    };
    return new ScenarioSession(scenarioId, odoo, seed, today, facts, link!, faultProxy, brokerRestart(broker, database, target, scenarioId), serving, undefined, databaseMs, () => recorder?.exchanges ?? [], async (passed, complete) => {
      await faultProxy.close();
      if (run.record && recorder && passed && complete) {
        const recording: Recording = {
          format: 1,
          scenario: scenarioId,
          odoo: { serverVersion: target.version.serverVersion, major: target.version.major, minor: target.version.minor },
          transport: target.transport,
          target: target.kind,
          seed,
          today,
          exchanges: recorder.exchanges,
        };
        await writeRecording(recordingPath(run.recordingsDir, target.version.major, scenarioId, run.config), recording);
      }
      const kept = await broker.release(database, passed);
      return kept ? database : undefined;
    });
  }

  /**
   * Where an integration in another process reaches this scenario's Odoo: a proxy on loopback whose
   * traffic is recorded with the scenario's calls (live) or answered from the recording (replay).
   */
  integrationOdoo(): Promise<IntegrationOdooEndpoint> {
    this.#integrationProxy ??= IntegrationOdooProxy.start(this.link, this.odoo.database);
    return this.#integrationProxy.then((proxy) => proxy.endpoint);
  }

  /** The first request of the integration the harness could not answer (on replay: one the recording lacks). */
  async integrationUnanswered(): Promise<Error | undefined> {
    return (await this.#integrationProxy)?.mismatches[0];
  }

  /**
   * Gives the database back and finishes the recording or replay. Returns the database if kept.
   * `complete: false`: the scenario stopped early without failing (not covered): nothing is
   * recorded, and a replay is not held to every recorded call.
   */
  async close(passed: boolean, { complete = true }: { readonly complete?: boolean } = {}): Promise<string | undefined> {
    const started = performance.now();
    const proxy = await this.#integrationProxy;
    await proxy?.close();
    try {
      // A request of the integration left unanswered fails the run, whatever the body made of it.
      return await this.finish(passed && !proxy?.mismatches.length, complete);
    } finally {
      this.databaseMs += Math.round(performance.now() - started);
    }
  }

  /** The run's facts for the reporters. */
  runFacts(keptDatabase?: string): OdooRunFacts {
    const odooMs = this.recordedOdooMs ?? this.odoo.log.totalMs;
    return { ...this.facts, rpcCalls: this.odoo.log.count, odooMs, databaseMs: this.databaseMs, ...(keptDatabase ? { keptDatabase } : {}) };
  }
}
