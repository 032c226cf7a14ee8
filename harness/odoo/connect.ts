import { HarnessError } from '../errors/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { OdooAuthError } from './errors.ts';
import { OdooClient } from './odoo-client.ts';
import { parseServerVersion, ServerVersionInfo, type OdooVersion } from './odoo-version.ts';
import { RetryingTransport } from './retrying-transport.ts';
import { HttpChannel, type HttpExchange } from './transports/http-channel.ts';
import { Json2Transport } from './transports/json2-transport.ts';
import { callJsonRpcService, JsonRpcTransport } from './transports/jsonrpc-transport.ts';
import type { Transport } from './transports/transport.ts';
import { XmlRpcTransport } from './transports/xmlrpc-transport.ts';
import { adapterFor, assertTransportSupported, type TransportName } from './version-adapter.ts';
import { pseudoCall, WebSession } from './web-session.ts';
import type { CallLogEntry } from './call-log.ts';

export interface ConnectOptions {
  readonly url: string;
  // How messages name the server when `url` is a proxy in front of it (the harness's fault proxy).
  readonly serverLabel?: string;
  readonly database: string;
  readonly login: string;
  readonly password: string;
  // Defaults to the version's preferred transport (JSON-RPC until 18, JSON-2 from 19).
  readonly transport?: TransportName;
  // Required for JSON-2.
  readonly apiKey?: string;
  // Limit of one request; default 120 s (module installs and big invoices are slow on 2 cores).
  readonly timeoutMs?: number;
  // How long a call waits for an Odoo that stopped answering (a restart); default 0, fail at once.
  readonly restartWaitMs?: number;
  readonly redactor?: SecretRedactor;
  // Wraps the transport, e.g. to record or replay exchanges.
  readonly wrapTransport?: (transport: Transport) => Transport;
  readonly onCall?: (entry: CallLogEntry) => void;
  readonly fetch?: typeof globalThis.fetch;
  readonly onExchange?: (exchange: HttpExchange) => void;
  // False: no web login to pin the database (18): RPC only, which carries the database in each
  // call. A web login is a write: Odoo logs it and, for an administrator, rewrites web.base.url.
  readonly webSession?: boolean;
  // The user's id, known: no login at all (each RPC call checks the password or key itself, and
  // Odoo logs nothing).
  readonly uid?: number;
}

/**
 * Asks a server its version (`common.version`, no login needed).
 * @throws OdooTransportError when nothing answers.
 */
export const fetchServerVersion = async (channel: HttpChannel): Promise<OdooVersion> => {
  const raw = await callJsonRpcService(channel, pseudoCall('', 'common', 'version'), 'common', 'version', []);
  const parsed = ServerVersionInfo.safeParse(raw);
  if (!parsed.success) throw new HarnessError(`${channel.baseUrl} answered common.version() with something that is not Odoo's version info.`);
  return parseServerVersion(parsed.data);
};

/**
 * Connects to one database: detects the version, picks the transport, logs in, and pins the
 * database on every later request (X-Odoo-Database on 19+, a web session cookie on <= 18), which
 * spares Odoo a listing of the cluster's databases on each call (≈3× faster small calls).
 * @throws OdooAuthError on wrong credentials, HarnessError on an unsupported version or transport.
 */
export const connectOdoo = async (options: ConnectOptions): Promise<OdooClient> => {
  const redactor = (options.redactor ?? new SecretRedactor()).add(options.password, options.apiKey);
  const channel = new HttpChannel({
    baseUrl: options.url,
    timeoutMs: options.timeoutMs ?? 120_000,
    fetch: options.fetch,
    onExchange: options.onExchange,
    restartWaitMs: options.restartWaitMs,
    ...(options.serverLabel ? { serverLabel: options.serverLabel } : {}),
  });
  const version = await fetchServerVersion(channel);
  const adapter = adapterFor(version);
  const transportName = options.transport ?? adapter.defaultTransport;
  assertTransportSupported(adapter, transportName);

  let uid: number | undefined = options.uid;
  if (adapter.databasePinning === 'header') channel.setHeader('x-odoo-database', options.database);
  else if (options.webSession !== false) uid = await new WebSession(channel, options.database).authenticate(options.login, options.password);

  let transport: Transport;
  if (transportName === 'json2') {
    if (!options.apiKey) throw new HarnessError('The json2 transport needs an API key (ODOO_API_KEY, or a template the harness built).');
    transport = new Json2Transport(channel, options.apiKey);
  } else {
    uid ??= await authenticate(channel, options);
    const credentials = { uid, password: options.password };
    transport = transportName === 'xmlrpc' ? new XmlRpcTransport(channel, credentials) : new JsonRpcTransport(channel, credentials);
  }
  transport = new RetryingTransport(transport);
  if (options.wrapTransport) transport = options.wrapTransport(transport);
  return new OdooClient(transport, { url: channel.baseUrl, database: options.database, version, transport: transportName }, { redactor, onCall: options.onCall });
};

const authenticate = async (channel: HttpChannel, options: ConnectOptions): Promise<number> => {
  const call = pseudoCall(options.database, 'common', 'authenticate');
  const uid = await callJsonRpcService(channel, call, 'common', 'authenticate', [options.database, options.login, options.password, {}]);
  // A wrong password is not a fault: authenticate answers false.
  if (typeof uid !== 'number') throw new OdooAuthError(call, `login "${options.login}" refused`);
  return uid;
};
