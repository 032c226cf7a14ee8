import { AbstractStartedContainer, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { HarnessError } from '../../errors/index.ts';
import type { OdooDatabaseServer } from './odoo-container.ts';

const FILESTORE = '/var/lib/odoo/filestore';
// What `docker stop` gives Odoo to finish its requests before it is killed.
const STOP_GRACE_S = 30;

/** A running Odoo container: its URL, a module install, filestore copies for database copies, and a restart in two stages. */
export class StartedOdoo extends AbstractStartedContainer {
  readonly url: string;
  readonly #httpPort: number;

  constructor(
    container: StartedTestContainer,
    httpPort: number,
    readonly database: OdooDatabaseServer,
  ) {
    super(container);
    this.#httpPort = httpPort;
    this.url = `http://${container.getHost()}:${container.getMappedPort(httpPort)}`;
  }

  /**
   * Creates `db` with `modules` installed by a one-off odoo-bin in this container (so the filestore
   * lands where the server reads it), with no demo data.
   * @throws HarnessError with the tail of Odoo's output when the install fails.
   */
  async installDatabase(db: string, modules: readonly string[], noDemoArgs: readonly string[]): Promise<void> {
    const { host, port, user, password } = this.database;
    const result = await this.exec([
      'odoo',
      '--db_host', host, '--db_port', String(port), '--db_user', user, '--db_password', password,
      '-d', db, '-i', modules.join(','), ...noDemoArgs,
      '--stop-after-init', '--no-http', '--max-cron-threads=0', '--log-level=warn',
    ]);
    if (result.exitCode !== 0)
      throw new HarnessError(`Installing ${modules.join(', ')} into "${db}" failed (exit ${result.exitCode}):\n${tail(result.output)}`);
  }

  /** Copies a database's filestore to another name (part of copying a database). */
  async copyFilestore(source: string, target: string): Promise<void> {
    await this.#sh(`if [ -d ${FILESTORE}/${source} ]; then cp -a ${FILESTORE}/${source} ${FILESTORE}/${target}; fi`);
  }

  /** Renames a database's filestore (part of renaming a database). */
  async renameFilestore(from: string, to: string): Promise<void> {
    await this.#sh(`if [ -d ${FILESTORE}/${from} ]; then mv ${FILESTORE}/${from} ${FILESTORE}/${to}; fi`);
  }

  /** Removes a database's filestore. */
  async removeFilestore(db: string): Promise<void> {
    await this.#sh(`rm -rf ${FILESTORE}/${db}`);
  }

  /** A tar of a database's filestore (for the template cache). */
  filestoreArchive(db: string): Promise<NodeJS.ReadableStream> {
    return this.copyArchiveFromContainer(`${FILESTORE}/${db}`);
  }

  /**
   * Stops the server as `docker stop` does (SIGTERM, SIGKILL after 30 s). The container stays, with
   * its filestore and its port: `startServer()` brings the same server back.
   */
  async stopServer(): Promise<void> {
    const runtime = await getContainerRuntimeClient();
    await runtime.container.dockerode.getContainer(this.getId()).stop({ t: STOP_GRACE_S });
  }

  /**
   * Starts the stopped server again and waits until `/web/health` answers 200 at the same URL.
   * @throws HarnessError when the container comes back on another port, or Odoo does not answer within `timeoutMs`.
   */
  async startServer(timeoutMs = 180_000): Promise<void> {
    const runtime = await getContainerRuntimeClient();
    const container = runtime.container.dockerode.getContainer(this.getId());
    await container.start();
    const bound = (await container.inspect()).NetworkSettings.Ports[`${this.#httpPort}/tcp`]?.[0]?.HostPort;
    if (bound !== new URL(this.url).port)
      throw new HarnessError(`Odoo's container ${this.getId().slice(0, 12)} came back on host port ${bound ?? 'none'} instead of ${new URL(this.url).port}: the workers' URL ${this.url} would be wrong.`);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const status = await fetch(`${this.url}/web/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
      if (status === 200) return;
      if (Date.now() >= until) throw new HarnessError(`Odoo did not answer ${this.url}/web/health with 200 within ${timeoutMs} ms of its restart (last status: ${status || 'no answer'}); see docker logs ${this.getId().slice(0, 12)}.`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async #sh(script: string): Promise<void> {
    const result = await this.exec(['sh', '-c', script]);
    if (result.exitCode !== 0) throw new HarnessError(`"${script}" failed in the Odoo container (exit ${result.exitCode}): ${tail(result.output)}`);
  }
}

const tail = (output: string, lines = 25): string => output.trim().split('\n').slice(-lines).join('\n');
