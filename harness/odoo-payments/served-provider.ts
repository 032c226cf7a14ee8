import { getResponse, type RequestHandler } from 'msw';
import { startSimulatorServer, type ServedExchange, type StartedSimulatorServer } from '../../mocks/shared/index.ts';
import type { OutboundRecord } from '../odoo/index.ts';
import { RecordingMismatchError } from '../odoo/index.ts';
import type { OdooServingHooks } from '../scenario/scenario-session.ts';

/** One of a provider's answers to Odoo, as the simulator gave it (live) or gives it again (replay). */
export interface ProviderAnswer {
  readonly method: string;
  readonly url: string;
  // 0 when the simulator dropped the connection instead of answering.
  readonly status: number;
  readonly response: string;
}

export interface ServedProviderOptions {
  // The provider's name in messages ("Stripe").
  readonly name: string;
  // The provider's API, e.g. https://api.stripe.com: what the simulator's handlers answer.
  readonly apiUrl: string;
  // The API key Odoo sends (a bearer token), which routes its calls to this simulator.
  readonly apiKey: string;
  // The simulator's happy path, after the faults a scenario injects.
  readonly handlers: () => readonly RequestHandler[];
  // Request headers the simulator's answer depends on and that carry no secret: recorded, and sent again on replay.
  readonly replayedHeaders: readonly string[];
}

/**
 * A provider's simulator as Odoo's own payment module meets it, one per scenario: live, a server
 * Odoo's calls reach through the run's outbound proxy (routed by the scenario's API key), each
 * exchange recorded with the RPC call during which it happened; on replay, the recorded requests
 * go to the simulator in process at the same points and must be answered as they were live.
 */
export class ServedProvider {
  // Every answer Odoo got (live) or gets again (replay), for the contract checks.
  readonly answers: ProviderAnswer[] = [];
  readonly #injected: RequestHandler[] = [];
  readonly #served: OutboundRecord[] = [];
  #server: StartedSimulatorServer | undefined;

  private constructor(
    private readonly options: ServedProviderOptions,
    private readonly hooks: OdooServingHooks,
  ) {}

  static async open(options: ServedProviderOptions, hooks: OdooServingHooks): Promise<ServedProvider> {
    const provider = new ServedProvider(options, hooks);
    if (hooks.mode === 'live') {
      provider.#server = await startSimulatorServer(options.apiUrl, () => provider.#handlers(), {
        onExchange: (exchange) => {
          provider.#served.push(provider.#asRecord(exchange));
          provider.answers.push(exchange);
        },
      });
      hooks.tap(() => provider.#served.splice(0));
      await hooks.route(options.apiKey, provider.#server.url);
    }
    hooks.replayWith((calls, during) => provider.#answerAgain(calls, during));
    return provider;
  }

  /** Fault handlers in front of the simulator, for what Odoo calls. */
  inject(...handlers: RequestHandler[]): void {
    this.#injected.unshift(...handlers);
  }

  /** Takes the simulator away from the run's proxy and stops its server. */
  async close(): Promise<void> {
    if (!this.#server) return;
    await this.hooks.route(this.options.apiKey).catch(() => undefined);
    await this.#server.close();
  }

  #handlers(): RequestHandler[] {
    return [...this.#injected, ...this.options.handlers()];
  }

  async #answerAgain(calls: readonly OutboundRecord[], during: string): Promise<void> {
    for (const [index, call] of calls.entries()) {
      const request = new Request(call.url, {
        method: call.method,
        headers: { ...call.headers, authorization: `Bearer ${this.options.apiKey}` },
        ...(call.method === 'GET' || call.method === 'HEAD' ? {} : { body: call.body }),
      });
      const response = await getResponse(this.#handlers(), request);
      const status = response?.status ?? 404;
      const text = response ? await response.text() : '';
      this.answers.push({ method: call.method, url: call.url, status, response: text });
      if (status !== call.status || text !== call.response)
        throw new RecordingMismatchError(
          `Odoo's call ${index + 1} to ${this.options.name} during ${during} (${call.method} ${new URL(call.url).pathname}) is answered otherwise than live: ${call.status} → ${status}\n- live:   ${call.response.slice(0, 300)}\n+ replay: ${text.slice(0, 300)}\nThe simulator or the scenario changed since the recording: re-record it with a live run (npm run record).`,
        );
    }
  }

  #asRecord(exchange: ServedExchange): OutboundRecord {
    return {
      method: exchange.method,
      url: exchange.url,
      headers: Object.fromEntries(this.options.replayedHeaders.flatMap((name) => (exchange.headers[name] ? [[name, exchange.headers[name]!]] : []))),
      body: exchange.body,
      status: exchange.status,
      response: exchange.response,
    };
  }
}
