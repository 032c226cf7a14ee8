import { HarnessError } from '../errors/index.ts';
import { OdooClient, type OdooCall, type Transport, type TransportResult } from '../odoo/index.ts';

/** The only methods the audit may call: they read, and none of them writes, on 18 and 19. */
export const AUDIT_METHODS: ReadonlySet<string> = new Set(['search', 'search_read', 'search_count', 'read', 'fields_get', 'read_group']);

/** The audit was about to call something that can write: refused before it left the harness. */
export class AuditWriteRefusedError extends HarnessError {
  override name = 'AuditWriteRefusedError';
}

/**
 * A transport that lets through only AUDIT_METHODS and refuses everything else (a write, a
 * workflow button, a page request) without sending it, so the audit is safe on production.
 */
export class ReadOnlyTransport implements Transport {
  constructor(readonly inner: Transport) {}

  get name() {
    return this.inner.name;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    if (!AUDIT_METHODS.has(call.method))
      throw new AuditWriteRefusedError(`✖ the audit is read-only: ${call.model}.${call.method} was refused before it was sent (allowed: ${[...AUDIT_METHODS].join(', ')})`);
    return this.inner.execute(call);
  }
}

/** `odoo` as the audit sees it: the same database, user and call log, through ReadOnlyTransport. */
export const readOnlyClient = (odoo: OdooClient): OdooClient => new OdooClient(new ReadOnlyTransport(odoo.transport), odoo.info, { ...odoo.options, log: odoo.log });
