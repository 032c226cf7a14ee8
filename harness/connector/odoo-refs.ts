import { HarnessError } from '../errors/index.ts';
import type { OdooClient } from '../odoo/index.ts';

// Odoo's only real unique key is the external id (ir_model_data (module, name)): the connector
// keys every record it creates on one, so a replayed event finds what it made the first time.
export const XMLID_MODULE = 'oeh_connector';

/** The channel whose external ids carry no prefix: the web shop, the integration's first channel. */
export const DEFAULT_CHANNEL = 'shop';

/** `<kind>_<external id>` as an ir_model_data name, e.g. `shop_order_ord_0001`. */
export const xmlidName = (kind: string, externalId: string): string => `${kind}_${externalId}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** The answer of `model.load`. */
export interface LoadResult {
  readonly ids: number[] | false;
  readonly messages: Array<{ type: string; message: string; field?: string }>;
}

/** Another instance of the connector holds the claim: the sender delivers the event again later. */
export class ClaimedElsewhereError extends HarnessError {
  override name = 'ClaimedElsewhereError';
}

/**
 * The external ids of one sales channel. Two channels number their orders, customers, captures
 * and shipments independently (both have an `ord_0001`), so every name is prefixed with the
 * channel (`marketplace__shop_order_ord_0001`); the first channel keeps plain names.
 */
export class ExternalIds {
  constructor(
    readonly odoo: OdooClient,
    readonly channel: string = DEFAULT_CHANNEL,
  ) {}

  /** The ir_model_data name of a record of this channel. */
  name(kind: string, externalId: string): string {
    return xmlidName(this.channel === DEFAULT_CHANNEL ? kind : `${this.channel}__${kind}`, externalId);
  }

  /** `oeh_connector.<name>`, as `load` takes it in `id` columns. */
  full(kind: string, externalId: string): string {
    return `${XMLID_MODULE}.${this.name(kind, externalId)}`;
  }

  /** The record behind an external id, if any. */
  async find(kind: string, externalId: string): Promise<number | undefined> {
    const [found] = await this.odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', XMLID_MODULE], ['name', '=', this.name(kind, externalId)]], { fields: ['res_id'], limit: 1 });
    return found?.res_id;
  }

  /** Gives an existing record an external id. */
  async link(model: string, resId: number, kind: string, externalId: string): Promise<void> {
    await this.odoo.create('ir.model.data', { module: XMLID_MODULE, name: this.name(kind, externalId), model, res_id: resId, noupdate: true });
  }

  /**
   * Claims the right to create the record for an external id, once across every instance of the
   * connector: a plain insert of a claim row into ir_model_data, which its unique (module, name)
   * index lets only one transaction make. `load` itself cannot be trusted with this: it writes its
   * external ids with INSERT … ON CONFLICT DO UPDATE (ir_model.py, _build_update_xmlids_query), so
   * two concurrent imports both create a record and the external id ends on the second one.
   * @returns false when another instance holds the claim.
   */
  async claim(model: string, kind: string, externalId: string): Promise<boolean> {
    try {
      await this.odoo.create('ir.model.data', { module: XMLID_MODULE, name: this.name(`claim_${kind}`, externalId), model, res_id: 0, noupdate: true });
      return true;
    } catch (error) {
      if (/duplicate key|unique|already exists/i.test((error as Error).message)) return false;
      throw error;
    }
  }

  /** Gives up a claim (the import failed before its record existed), so a later delivery can claim again. */
  async release(kind: string, externalId: string): Promise<void> {
    const claims = await this.odoo.search('ir.model.data', [['module', '=', XMLID_MODULE], ['name', '=', this.name(`claim_${kind}`, externalId)]]);
    if (claims.length) await this.odoo.call('ir.model.data', 'unlink', [claims]);
  }

  /**
   * Creates a record once across every instance of the connector: claims `kind`/`externalId`, runs
   * `create`, and gives the claim up when `create` fails or makes nothing (`made` says whether it
   * did), so a later delivery can try again; a made record keeps its claim, and a late twin finds it.
   * @throws ClaimedElsewhereError naming `what` when another instance holds the claim.
   */
  async createOnce<T>(
    claim: { readonly model: string; readonly kind: string; readonly externalId: string; readonly what: string },
    create: () => Promise<T>,
    made: (result: T) => boolean = () => true,
  ): Promise<T> {
    if (!(await this.claim(claim.model, claim.kind, claim.externalId)))
      throw new ClaimedElsewhereError(`${claim.what} is being handled by another instance of the connector; deliver it again later`);
    let result: T | undefined;
    let ok = false;
    try {
      result = await create();
      ok = made(result);
      return result;
    } finally {
      if (!ok) await this.release(claim.kind, claim.externalId);
    }
  }
}
