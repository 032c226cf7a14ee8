import { HarnessError } from '../../errors/index.ts';
import type { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import type { Transport, TransportResult } from '../transports/transport.ts';
import { PAGE_MODEL } from '../pages/page-transport.ts';
import { lineDiff } from './line-diff.ts';
import type { OutboundRecord, Recording, RecordedExchange } from './recording.ts';
import { fromRecordedError } from './recorded-errors.ts';
import { stableStringify } from './stable-json.ts';

/** The harness asked Odoo something its recording does not hold. */
export class RecordingMismatchError extends HarnessError {
  override name = 'RecordingMismatchError';
}

/**
 * Answers calls from a recording of a live run, with no Odoo. Calls must come as recorded; a
 * call recorded later may be answered early (parallel calls), but a call the recording lacks
 * fails with a diff against the next expected one.
 */
export class ReplayTransport implements Transport {
  readonly #used: boolean[];
  #next = 0;
  // Gives the scenario's simulators the calls Odoo made to them during a recorded call, in order,
  // and fails when one answers otherwise than it did live.
  outboundReplayer: ((calls: readonly OutboundRecord[], during: string) => Promise<void>) | undefined;

  constructor(
    readonly recording: Recording,
    readonly redactor: SecretRedactor,
    // Shown in mismatch messages: how to refresh the recording.
    readonly source: string,
  ) {
    this.#used = recording.exchanges.map(() => false);
  }

  get name() {
    return this.recording.transport;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    const asked = requestText(this.redactor.redact({ model: call.model, method: call.method, args: [...call.args], kwargs: { ...call.kwargs } }));
    const index = this.#find(asked);
    if (index === undefined) throw this.#mismatch(call, asked);
    this.#used[index] = true;
    while (this.#used[this.#next]) this.#next++;
    const exchange = this.recording.exchanges[index]!;
    if (exchange.outbound?.length) {
      if (!this.outboundReplayer)
        throw new RecordingMismatchError(`${this.recording.scenario}: during ${exchange.model} ${exchange.method} the live Odoo called a simulator ${exchange.outbound.length} time(s), but no simulator serves Odoo in this replay. Re-record ${this.source} with a live run (npm run record).`);
      await this.outboundReplayer(exchange.outbound, `${exchange.model} ${exchange.method}`);
    }
    if (exchange.error) throw fromRecordedError(call, exchange.error);
    return { value: exchange.result ?? null, committedNone: exchange.committedNone === true };
  }

  /** Recorded calls that replay never asked for. */
  get unused(): RecordedExchange[] {
    return this.recording.exchanges.filter((_, i) => !this.#used[i]);
  }

  /**
   * Fails when the scenario stopped before asking everything the live run asked.
   * @throws RecordingMismatchError naming the first call not asked.
   */
  assertFullyReplayed(): void {
    const first = this.unused[0];
    if (first)
      throw new RecordingMismatchError(
        `Replay of ${this.recording.scenario} ended with ${this.unused.length} recorded call(s) never asked, the first: ${first.model}.${first.method}. The scenario changed since ${this.source} was recorded: re-record it with a live run (npm run record).`,
      );
  }

  #find(asked: string): number | undefined {
    for (let i = this.#next; i < this.recording.exchanges.length; i++)
      if (!this.#used[i] && requestText(this.recording.exchanges[i]!) === asked) return i;
    return undefined;
  }

  #mismatch(call: OdooCall, asked: string): RecordingMismatchError {
    const expected = this.recording.exchanges[this.#next];
    const position = `call #${this.#next + 1}`;
    if (!expected)
      return new RecordingMismatchError(
        `${call.model}.${call.method} was asked after the ${this.recording.exchanges.length} recorded calls of ${this.recording.scenario} ran out. Re-record ${this.source} with a live run (npm run record).\nasked:\n${pretty(asked)}`,
      );
    return new RecordingMismatchError(
      `${this.recording.scenario}: ${position} differs from ${this.source} (- recorded, + asked now). If the change is intended, re-record with a live run (npm run record).\n${lineDiff(pretty(requestText(expected)), pretty(asked))}`,
    );
  }
}

const requestText = (exchange: Pick<RecordedExchange, 'model' | 'method' | 'args' | 'kwargs'>): string =>
  stableStringify({ model: exchange.model, method: exchange.method, args: exchange.args, kwargs: exchange.kwargs });

// One line per field; a page call's body (an integration's XML-RPC request) one line per line of
// its own, so the diff points at the parameter that changed.
const pretty = (text: string): string => {
  const call = JSON.parse(text) as RecordedExchange;
  const body = call.args[0];
  if (call.model !== PAGE_MODEL || typeof body !== 'string') return JSON.stringify(call, null, 2);
  return [`${call.method} ${JSON.stringify(call.kwargs)}`, ...body.replace(/></g, '>\n<').split('\n')].join('\n');
};
