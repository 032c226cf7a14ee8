export { OutboundProxy, type OutboundExchange, type OutboundProxyOptions, type UnservedCall } from './outbound-proxy.ts';
export { asShellExports, proxyEnvironment } from './proxy-environment.ts';
export { DEFAULT_OUTBOUND_PROXY_PORT } from './defaults.ts';
export { keptCaFolder, RunOutbound, type OutboundSettings, type RunOutboundOptions } from './run-outbound.ts';
export { ThrowawayCa } from './throwaway-ca.ts';
export { OUTBOUND_INVENTORY_FILE, unservedLines, writeOutboundInventory } from './outbound-inventory.ts';
