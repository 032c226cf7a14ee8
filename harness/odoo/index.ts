// Client
/** Connects to one Odoo database over the chosen transport. */
export { connectOdoo, fetchServerVersion } from './connect.ts';
export type { ConnectOptions } from './connect.ts';
/** The typed client: `call` plus ORM helpers and wizard flows. */
export { OdooClient } from './odoo-client.ts';
export type { Domain, OdooClientInfo, OdooClientOptions, SearchOptions } from './odoo-client.ts';
export type { CallLogEntry } from './call-log.ts';
export { CallLog } from './call-log.ts';
export type { OdooCall } from './call.ts';
/** Creates a persistent API key through the web client's identity-checked flow (for JSON-2). */
export { createApiKey } from './api-key.ts';
/** A logged-in web session, for what RPC cannot do. */
export { WebSession } from './web-session.ts';
/** Formats dates the way Odoo's ORM accepts them over RPC. */
export { formatOdooDate, formatOdooDatetime } from './prepare-arguments.ts';

// Versions
/** Per-version field names, wizard methods and server flags. */
export { adapterFor, assertTransportSupported, SUPPORTED_MAJORS } from './version-adapter.ts';
export type { TransportName, VersionAdapter } from './version-adapter.ts';
export type { OdooVersion } from './odoo-version.ts';

// Errors
/** What a call to Odoo can fail with. */
export {
  OdooAccessError,
  OdooAuthError,
  OdooError,
  OdooMissingRecordError,
  OdooServerError,
  OdooTransportError,
  OdooUserError,
} from './errors.ts';

/** A restart as the harness sees it, and a retry for what is safe to repeat (a login, a copy). */
export { INTERRUPTED_BY_RESTART, isServerGoingAway, retryWhileServerGoesAway } from './server-going-away.ts';

// Transports
/** The HTTP leg with timeouts and database pinning, and the three wire protocols. */
export { HttpChannel } from './transports/http-channel.ts';
export type { HttpExchange } from './transports/http-channel.ts';
export { XmlRpcTransport } from './transports/xmlrpc-transport.ts';
export { JsonRpcTransport, callJsonRpcService } from './transports/jsonrpc-transport.ts';
export { Json2Transport } from './transports/json2-transport.ts';
export type { Transport, TransportResult } from './transports/transport.ts';

// Recordings
/** Records a live scenario's exchanges and replays them without Odoo. */
export { RecordingTransport } from './recording/recording-transport.ts';
export { ReplayTransport, RecordingMismatchError } from './recording/replay-transport.ts';
export { readRecording, recordingPath, writeRecording } from './recording/recording-file.ts';
export { Recording } from './recording/recording.ts';
export type { OutboundRecord, RecordedExchange } from './recording/recording.ts';

// Pages
/** Odoo's web routes (portal, webhooks) as calls of the transport chain: cut, recorded and replayed like RPC. */
export { PAGE_MODEL, PageTransport, pageFetch } from './pages/page-transport.ts';
export type { PageAnswer } from './pages/page-transport.ts';

// Wizards
/** Reads a method's answer as a window action (wizards), or undefined. */
export { asAction, OdooAction } from './wizards/odoo-action.ts';
