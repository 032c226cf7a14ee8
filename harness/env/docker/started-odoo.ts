import { AbstractStartedContainer, type StartedTestContainer } from 'testcontainers';
import { HarnessError } from '../../errors/index.ts';
import type { OdooDatabaseServer } from './odoo-container.ts';

const FILESTORE = '/var/lib/odoo/filestore';

/** A running Odoo container: its URL, a module install, and filestore copies for database copies. */
export class StartedOdoo extends AbstractStartedContainer {
  readonly url: string;

  constructor(
    container: StartedTestContainer,
    httpPort: number,
    readonly database: OdooDatabaseServer,
  ) {
    super(container);
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

  async #sh(script: string): Promise<void> {
    const result = await this.exec(['sh', '-c', script]);
    if (result.exitCode !== 0) throw new HarnessError(`"${script}" failed in the Odoo container (exit ${result.exitCode}): ${tail(result.output)}`);
  }
}

const tail = (output: string, lines = 25): string => output.trim().split('\n').slice(-lines).join('\n');
