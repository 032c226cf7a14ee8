import type { SecretRedactor } from '../secrets/index.ts';
import type { OdooCall } from './call.ts';
import { CallLog, type CallLogEntry } from './call-log.ts';
import type { OdooVersion } from './odoo-version.ts';
import { prepareArguments } from './prepare-arguments.ts';
import type { Transport } from './transports/transport.ts';
import { adapterFor, type TransportName, type VersionAdapter } from './version-adapter.ts';
import { createInvoices, type CreateInvoicesOptions } from './wizards/create-invoices.ts';
import { registerPayment, type RegisterPaymentOptions } from './wizards/register-payment.ts';
import { validatePicking, type ValidatePickingOptions } from './wizards/validate-picking.ts';

/** An Odoo domain: a list of `[field, operator, value]` leaves and `&`, `|`, `!` operators. */
export type Domain = ReadonlyArray<readonly [string, string, unknown] | '&' | '|' | '!'>;

/** Options shared by the read helpers. */
export interface SearchOptions {
  readonly fields?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: string;
  readonly context?: Record<string, unknown>;
}

/** Who the client is talking to. */
export interface OdooClientInfo {
  readonly url: string;
  readonly database: string;
  readonly version: OdooVersion;
  readonly transport: TransportName;
}

export interface OdooClientOptions {
  readonly redactor: SecretRedactor;
  // Called after each call (progress output, benchmarks).
  readonly onCall?: (entry: CallLogEntry) => void;
  // Another client's log, for a client on the same session (the audit's read-only one): its calls count there.
  readonly log?: CallLog;
}

/**
 * One typed interface to Odoo, whatever the transport: `call` plus helpers for the ORM methods
 * and the wizard flows scenarios need. Every call is logged with its duration in `log`.
 */
export class OdooClient {
  readonly adapter: VersionAdapter;
  readonly log: CallLog;

  constructor(
    readonly transport: Transport,
    readonly info: OdooClientInfo,
    readonly options: OdooClientOptions,
  ) {
    this.adapter = adapterFor(info.version);
    this.log = options.log ?? new CallLog();
  }

  get database(): string {
    return this.info.database;
  }

  get version(): OdooVersion {
    return this.info.version;
  }

  /**
   * Calls any public model method, as `execute_kw` would.
   * @throws OdooError subclasses (OdooUserError, OdooAccessError, OdooMissingRecordError, OdooServerError, OdooTransportError, OdooAuthError).
   */
  async call<T = unknown>(model: string, method: string, args: readonly unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<T> {
    const prepared: OdooCall = {
      database: this.info.database,
      model,
      method,
      args: prepareArguments(args, 'args'),
      kwargs: prepareArguments(kwargs, 'kwargs'),
    };
    const started = performance.now();
    let outcome = 'ok';
    try {
      const result = await this.transport.execute(prepared);
      if (result.committedNone) outcome = 'committed-none';
      return result.value as T;
    } catch (error) {
      outcome = (error as Error).name ?? 'Error';
      throw error;
    } finally {
      const entry = this.log.add({ model, method, ms: Math.round(performance.now() - started), outcome });
      this.options.onCall?.(entry);
    }
  }

  /** `search_read`: records matching `domain`, with the requested fields. */
  searchRead<T = Record<string, unknown>>(model: string, domain: Domain, options: SearchOptions = {}): Promise<T[]> {
    const { context, ...rest } = options;
    return this.call<T[]>(model, 'search_read', [domain], { ...rest, ...(context ? { context } : {}) });
  }

  /** `search`: ids of records matching `domain`. */
  search(model: string, domain: Domain, options: Omit<SearchOptions, 'fields'> = {}): Promise<number[]> {
    const { context, ...rest } = options;
    return this.call<number[]>(model, 'search', [domain], { ...rest, ...(context ? { context } : {}) });
  }

  /** `search_count`. */
  searchCount(model: string, domain: Domain): Promise<number> {
    return this.call<number>(model, 'search_count', [domain]);
  }

  /** `read`: the records in the order of `ids` (missing ids are left out, as Odoo does). */
  read<T = Record<string, unknown>>(model: string, ids: readonly number[], fields: readonly string[]): Promise<T[]> {
    return this.call<T[]>(model, 'read', [ids], { fields });
  }

  /** `read` of one record. @throws OdooMissingRecordError-like HarnessError when it does not exist. */
  async readOne<T = Record<string, unknown>>(model: string, id: number, fields: readonly string[]): Promise<T> {
    const [record] = await this.read<T>(model, [id], fields);
    if (!record) throw new Error(`${model} ${id} does not exist on "${this.database}".`);
    return record;
  }

  /** `create` of one record; returns its id. */
  create(model: string, values: Record<string, unknown>, options: { context?: Record<string, unknown> } = {}): Promise<number> {
    return this.call<number>(model, 'create', [values], options.context ? { context: options.context } : {});
  }

  /** `write` on records. */
  write(model: string, ids: readonly number[], values: Record<string, unknown>, options: { context?: Record<string, unknown> } = {}): Promise<boolean> {
    return this.call<boolean>(model, 'write', [ids, values], options.context ? { context: options.context } : {});
  }

  /** `unlink` of records. */
  unlink(model: string, ids: readonly number[]): Promise<boolean> {
    return this.call<boolean>(model, 'unlink', [ids]);
  }

  /**
   * Validates a picking the way a warehouse user does, following every wizard Odoo opens
   * (backorder confirmation, SMS confirmation) until the picking is done.
   */
  validatePicking(pickingId: number, options: ValidatePickingOptions = {}): Promise<void> {
    return validatePicking(this, pickingId, options);
  }

  /** Invoices sale orders through the `sale.advance.payment.inv` wizard; returns the new invoice ids. */
  createInvoices(saleOrderIds: readonly number[], options: CreateInvoicesOptions = {}): Promise<number[]> {
    return createInvoices(this, saleOrderIds, options);
  }

  /** Registers a payment on invoices through the `account.payment.register` wizard; returns the payment ids. */
  registerPayment(invoiceIds: readonly number[], options: RegisterPaymentOptions = {}): Promise<number[]> {
    return registerPayment(this, invoiceIds, options);
  }
}
