/** The outbound proxy's port for a server started with `proxy-env` (ODOO_OUTBOUND_PROXY_PORT). */
export const DEFAULT_OUTBOUND_PROXY_PORT = 8899;
