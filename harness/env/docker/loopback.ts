import { createServer } from 'node:net';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';

type PortBindings = Record<string, Array<{ HostIp?: string; HostPort?: string }>>;

/**
 * Publishes every port on 127.0.0.1 only. testcontainers asks for `HostPort: "0"` with no address,
 * which Docker publishes on all interfaces; the harness's servers must never be reachable from
 * another machine.
 */
export const publishOnLoopback = (hostConfig: { PortBindings?: unknown }): void => {
  const bindings = (hostConfig.PortBindings ?? {}) as PortBindings;
  for (const port of Object.keys(bindings)) bindings[port] = (bindings[port] ?? []).map((b) => ({ ...b, HostIp: '127.0.0.1' }));
};

/** testcontainers' PostgreSQL module, with its port published on loopback only. */
export class LoopbackPostgreSqlContainer extends PostgreSqlContainer {
  override async start(): Promise<StartedPostgreSqlContainer> {
    publishOnLoopback(this.hostConfig);
    return super.start();
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice). */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
