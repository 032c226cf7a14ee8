import { callJsonRpcService, HttpChannel } from '../../odoo/index.ts';
import type { OdooCall } from '../../odoo/index.ts';

/**
 * Odoo's `db` service (create, duplicate, drop with the master password), which exists up to
 * Odoo 19. `duplicate_database` copies the filestore too and ends other connections to the source.
 */
export class DbService {
  readonly #channel: HttpChannel;

  constructor(
    url: string,
    readonly masterPassword: string,
    timeoutMs: number,
    // Copies and drops wait this long for an Odoo that restarts mid-run.
    restartWaitMs = 0,
  ) {
    this.#channel = new HttpChannel({ baseUrl: url, timeoutMs, restartWaitMs });
  }

  list(): Promise<string[]> {
    return this.#call('list', []) as Promise<string[]>;
  }

  async exists(name: string): Promise<boolean> {
    return (await this.#call('db_exist', [name])) === true;
  }

  /** Creates an empty database with `base` only, no demo data, admin's password set. */
  async create(name: string, login: string, password: string): Promise<void> {
    await this.#call('create_database', [this.masterPassword, name, false, 'en_US', password, login], name);
  }

  async duplicate(source: string, name: string): Promise<void> {
    await this.#call('duplicate_database', [this.masterPassword, source, name, false], name);
  }

  /**
   * Asks for a dump of a database that cannot exist: only the master password is checked.
   * @throws OdooError: Access Denied for a wrong master password, another error otherwise.
   */
  async dumpProbe(): Promise<void> {
    await this.#call('dump', [this.masterPassword, 'oeh_doctor_no_such_database', 'zip']);
  }

  /** Renames a database and moves its filestore; Odoo ends the sessions on it first. */
  async rename(from: string, to: string): Promise<void> {
    await this.#call('rename', [this.masterPassword, from, to], from);
  }

  async drop(name: string): Promise<void> {
    await this.#call('drop', [this.masterPassword, name], name);
  }

  #call(method: string, args: unknown[], database = ''): Promise<unknown> {
    // The master password is in args: the OdooCall carried by errors leaves args out.
    const call: OdooCall = { database, model: 'db', method, args: [], kwargs: {} };
    return callJsonRpcService(this.#channel, call, 'db', method, args);
  }
}
