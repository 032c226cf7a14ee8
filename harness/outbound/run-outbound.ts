import { join } from 'node:path';
import { OutboundProxy, type UnservedCall } from './outbound-proxy.ts';
import { proxyEnvironment } from './proxy-environment.ts';
import { ThrowawayCa } from './throwaway-ca.ts';

/** Where the CA of a server started once with `proxy-env` is kept (its key beside it, 0600). */
export const keptCaFolder = (cacheDir: string): string => join(cacheDir, 'outbound-ca');


/** What Odoo's server needs to send its outbound calls through the run's proxy. */
export interface OutboundSettings {
  // The variables for Odoo's process (HTTPS_PROXY … REQUESTS_CA_BUNDLE), with the CA at `caPath`.
  readonly environment: Record<string, string>;
  readonly caPem: string;
  readonly caPath: string;
}

export interface RunOutboundOptions {
  // A CA made for this run (a container gets it at its start), or the one kept for a server
  // started by hand with `proxy-env` (that server trusts only the CA it was started with).
  readonly ca: 'per-run' | { readonly keptIn: string };
  // A fixed port for a server started with `proxy-env`; any free port otherwise.
  readonly port?: number;
}

/**
 * The run's outbound proxy, in the main process: every call Odoo makes to the outside goes to it,
 * and it hands each to the simulator server of the scenario whose API key the call carries
 * (`route`, asked by the workers). Started once, on first need; stopped with the run.
 */
export class RunOutbound {
  #proxy: Promise<OutboundProxy> | undefined;
  #host = '127.0.0.1';

  constructor(readonly options: RunOutboundOptions) {}

  /**
   * Starts the proxy on `host` (loopback, or the gateway of a container network for an Odoo in a
   * container) and says what Odoo's process needs, its CA file at `caPath` on Odoo's side.
   */
  async settingsFor(host: string, caPath: string): Promise<OutboundSettings> {
    this.#host = host;
    const proxy = await this.#started();
    return { environment: proxyEnvironment(proxy.url, caPath), caPem: (await this.#ca).certificatePem, caPath };
  }

  /** Calls carrying `credential` go to the simulator server at `upstream`, from now on. */
  async route(credential: string, upstream: string): Promise<void> {
    (await this.#started()).route(credential, upstream);
  }

  async unroute(credential: string): Promise<void> {
    if (this.#proxy) (await this.#proxy).unroute(credential);
  }

  /** Calls no simulator served, so far (each refused with a 502). */
  async unserved(): Promise<readonly UnservedCall[]> {
    return this.#proxy ? (await this.#proxy).unserved : [];
  }

  async stop(): Promise<void> {
    const proxy = this.#proxy;
    this.#proxy = undefined;
    await (await proxy?.catch(() => undefined))?.stop();
  }

  #caPromise: Promise<ThrowawayCa> | undefined;
  get #ca(): Promise<ThrowawayCa> {
    const { ca } = this.options;
    return (this.#caPromise ??= ca === 'per-run' ? ThrowawayCa.create() : ThrowawayCa.kept(ca.keptIn));
  }

  #started(): Promise<OutboundProxy> {
    if (!this.#proxy) {
      const port = this.options.port;
      this.#proxy = this.#ca.then((ca) => OutboundProxy.start({ ca, host: this.#host, ...(port !== undefined ? { port } : {}) })).catch((error: NodeJS.ErrnoException) => {
        this.#proxy = undefined;
        if (error.code === 'EADDRINUSE')
          throw new Error(
            `the outbound proxy cannot listen on ${this.#host}:${port}: the port is taken (another run against the same server?). Odoo sends its outbound calls to the port it was started with (odoo-harness proxy-env); one run at a time can serve it.`,
          );
        throw error;
      });
    }
    return this.#proxy;
  }
}
