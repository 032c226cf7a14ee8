import { HarnessError } from '../errors/index.ts';
import type { OdooVersion } from './odoo-version.ts';

/** The three ways the harness can talk to Odoo. */
export type TransportName = 'xmlrpc' | 'jsonrpc' | 'json2';

/**
 * The handful of field names, wizard methods and server flags that differ between Odoo majors.
 * Everything else is the same call on every supported version (see shared odoo-rpc-notes §5, 19-4).
 */
export interface VersionAdapter {
  readonly major: number;
  // Values that make a product storable: 17 uses detailed_type, 18+ type consu + is_storable.
  readonly storableProduct: Readonly<Record<string, unknown>>;
  // The tax many2many on sale.order.line: tax_id until 18, tax_ids from 19.
  readonly saleLineTaxField: 'tax_id' | 'tax_ids';
  // stock.return.picking: create_returns on 17, action_create_returns from 18.
  readonly returnWizardMethod: 'create_returns' | 'action_create_returns';
  // A confirmed sale order is cancelled through the sale.order.cancel wizard until 18; 19 cancels at once.
  readonly saleCancelUsesWizard: boolean;
  // odoo-bin flags that keep demo data out of a new database: 18 loads demo unless told, 19 does not.
  readonly noDemoArgs: readonly string[];
  // How a request names its database without Odoo listing the cluster's databases each time.
  readonly databasePinning: 'session-cookie' | 'header';
  // Transports the server still serves.
  readonly transports: readonly TransportName[];
  // Whether the `db` service (create, duplicate, drop with the master password) exists.
  readonly hasDbService: boolean;
  // Transport used when the user names none: JSON-RPC until 18 (no None faults), JSON-2 from 19.
  readonly defaultTransport: TransportName;
  // Fiscal positions map taxes with account.fiscal.position.tax lines until 18; from 19 the
  // position lists destination taxes, each naming the taxes it replaces (original_tax_ids).
  readonly fiscalPositionTaxMapping: 'tax-lines' | 'destination-taxes';
}

const ADAPTERS: Record<number, VersionAdapter> = {
  17: {
    major: 17,
    storableProduct: { detailed_type: 'product' },
    saleLineTaxField: 'tax_id',
    returnWizardMethod: 'create_returns',
    saleCancelUsesWizard: true,
    noDemoArgs: ['--without-demo=all'],
    databasePinning: 'session-cookie',
    transports: ['xmlrpc', 'jsonrpc'],
    hasDbService: true,
    defaultTransport: 'jsonrpc',
    fiscalPositionTaxMapping: 'tax-lines',
  },
  18: {
    major: 18,
    storableProduct: { type: 'consu', is_storable: true },
    saleLineTaxField: 'tax_id',
    returnWizardMethod: 'action_create_returns',
    saleCancelUsesWizard: true,
    noDemoArgs: ['--without-demo=all'],
    databasePinning: 'session-cookie',
    transports: ['xmlrpc', 'jsonrpc'],
    hasDbService: true,
    defaultTransport: 'jsonrpc',
    fiscalPositionTaxMapping: 'tax-lines',
  },
  19: {
    major: 19,
    storableProduct: { type: 'consu', is_storable: true },
    saleLineTaxField: 'tax_ids',
    returnWizardMethod: 'action_create_returns',
    saleCancelUsesWizard: false,
    noDemoArgs: [],
    databasePinning: 'header',
    transports: ['xmlrpc', 'jsonrpc', 'json2'],
    hasDbService: true,
    defaultTransport: 'json2',
    fiscalPositionTaxMapping: 'destination-taxes',
  },
  // 20 drops /xmlrpc, /jsonrpc and the db service (announced in 19's rpc module); the ORM
  // names are assumed unchanged from 19 until a live 20 says otherwise.
  20: {
    major: 20,
    storableProduct: { type: 'consu', is_storable: true },
    saleLineTaxField: 'tax_ids',
    returnWizardMethod: 'action_create_returns',
    saleCancelUsesWizard: false,
    noDemoArgs: [],
    databasePinning: 'header',
    transports: ['json2'],
    hasDbService: false,
    defaultTransport: 'json2',
    fiscalPositionTaxMapping: 'destination-taxes',
  },
};

/** Supported majors, oldest first. */
export const SUPPORTED_MAJORS = Object.keys(ADAPTERS).map(Number);

/**
 * The adapter for a server version.
 * @throws HarnessError when the major is not one the harness knows.
 */
export const adapterFor = (version: Pick<OdooVersion, 'major'>): VersionAdapter => {
  const adapter = ADAPTERS[version.major];
  if (!adapter)
    throw new HarnessError(
      `Odoo ${version.major} is not supported: the harness knows ${SUPPORTED_MAJORS.join(', ')}. Add an adapter in harness/odoo/version-adapter.ts.`,
    );
  return adapter;
};

/**
 * Checks that the chosen transport exists on this server.
 * @throws HarnessError naming the transports the server has.
 */
export const assertTransportSupported = (adapter: VersionAdapter, transport: TransportName): void => {
  if (!adapter.transports.includes(transport))
    throw new HarnessError(
      `Transport "${transport}" is not served by Odoo ${adapter.major}; use one of: ${adapter.transports.join(', ')}.`,
    );
};
