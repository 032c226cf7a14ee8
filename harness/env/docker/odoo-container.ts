import { GenericContainer, Wait } from 'testcontainers';
import { HarnessError } from '../../errors/index.ts';
import { freeLoopbackPort, publishOnLoopback } from './loopback.ts';
import { StartedOdoo } from './started-odoo.ts';

const HTTP_PORT = 8069;

/** How the Odoo container reaches PostgreSQL (the official image's HOST/PORT/USER/PASSWORD). */
export interface OdooDatabaseServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/**
 * An Odoo server in a container, started with the official `odoo` image's interface: database
 * settings through HOST/PORT/USER/PASSWORD, odoo-bin arguments after `--`, data in /var/lib/odoo.
 * It serves every database (no `-d`), so one server answers all scenario copies. Its HTTP port is
 * published on a fixed port of 127.0.0.1, so its URL stays the same when it is restarted.
 *
 * @example
 * await using odoo = await new OdooContainer('odoo:19.0').withNetwork(network).withDatabaseServer(db).start();
 */
export class OdooContainer extends GenericContainer {
  #database: OdooDatabaseServer | undefined;
  #serverArgs: string[] = [];

  constructor(readonly image: string) {
    super(image);
    this.withExposedPorts(HTTP_PORT)
      .withWaitStrategy(Wait.forHttp('/web/health', HTTP_PORT).forStatusCode(200))
      .withStartupTimeout(180_000);
  }

  /** The PostgreSQL server Odoo uses, as seen from inside the container network. */
  withDatabaseServer(database: OdooDatabaseServer): this {
    if (!database.host) throw new HarnessError('withDatabaseServer: host is empty.');
    this.#database = database;
    return this;
  }

  /** Extra odoo-bin arguments for the long-running server (log handlers, workers …). */
  withServerArgs(args: readonly string[]): this {
    this.#serverArgs = [...args];
    return this;
  }

  override async start(): Promise<StartedOdoo> {
    const database = this.#database;
    if (!database) throw new HarnessError('OdooContainer needs withDatabaseServer() before start().');
    this.withEnvironment({ HOST: database.host, PORT: String(database.port), USER: database.user, PASSWORD: database.password });
    // Crons would change data while scenarios assert on it; scenarios trigger what they need.
    this.withCommand(['--', '--max-cron-threads=0', ...this.#serverArgs]);
    // A fixed host port, free now: Docker gives a port published as "0" a new number on every
    // start, and the URL handed to the workers must survive a restart of the container.
    const hostPort = await freeLoopbackPort();
    this.hostConfig.PortBindings = { ...this.hostConfig.PortBindings, [`${HTTP_PORT}/tcp`]: [{ HostPort: String(hostPort) }] };
    publishOnLoopback(this.hostConfig);
    return new StartedOdoo(await super.start(), HTTP_PORT, database);
  }
}
