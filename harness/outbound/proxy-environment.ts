/**
 * What Odoo's process needs in its environment for its outbound calls to go through the proxy and
 * trust its CA: python-requests honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) and
 * REQUESTS_CA_BUNDLE; urllib and OpenSSL read SSL_CERT_FILE. Loopback stays direct: Odoo calling
 * itself is not an outbound call.
 */
export const proxyEnvironment = (proxyUrl: string, caFile: string): Record<string, string> => ({
  HTTPS_PROXY: proxyUrl,
  HTTP_PROXY: proxyUrl,
  https_proxy: proxyUrl,
  http_proxy: proxyUrl,
  NO_PROXY: 'localhost,127.0.0.1,::1',
  no_proxy: 'localhost,127.0.0.1,::1',
  REQUESTS_CA_BUNDLE: caFile,
  SSL_CERT_FILE: caFile,
});

/** The same, as lines a shell takes (`export NAME='value'`). */
export const asShellExports = (environment: Record<string, string>): string =>
  Object.entries(environment)
    .map(([name, value]) => `export ${name}='${value.replace(/'/g, `'\\''`)}'`)
    .join('\n');
