export { OutboundProxy, type OutboundExchange, type OutboundProxyOptions, type UnservedCall } from './outbound-proxy.ts';
export { asShellExports, proxyEnvironment } from './proxy-environment.ts';
export { ThrowawayCa } from './throwaway-ca.ts';
