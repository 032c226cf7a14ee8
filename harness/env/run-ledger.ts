import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Where run ledgers live inside the cache folder. */
export const ledgerDirectory = (cacheDir: string): string => join(cacheDir, 'runs');

/** What one run created on a server that outlives the run (url target databases). */
export const LedgerEntry = z.object({
  pid: z.number().int(),
  host: z.string(),
  url: z.string(),
  databases: z.array(z.string()),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/**
 * A write-ahead list of the databases a run is creating, in the cache folder: written before
 * each copy and cleared after each drop, so a run that is killed (Ctrl-C, kill -9, a crash)
 * can be cleaned up by the janitor or by the next run. It holds names only, no credentials.
 */
export class RunLedger {
  readonly path: string;
  readonly #entry: LedgerEntry;

  constructor(
    readonly directory: string,
    runId: string,
    url: string,
  ) {
    this.path = join(directory, `${runId}.json`);
    this.#entry = { pid: process.pid, host: hostname(), url, databases: [] };
  }

  add(database: string): void {
    this.#entry.databases.push(database);
    this.#save();
  }

  remove(database: string): void {
    this.#entry.databases = this.#entry.databases.filter((d) => d !== database);
    this.#save();
  }

  /** Deletes the ledger: the run ended and cleaned up after itself. */
  close(): void {
    rmSync(this.path, { force: true });
  }

  // Synchronous on purpose: it must be on disk before the copy starts, even if the process dies next.
  #save(): void {
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(this.path, JSON.stringify(this.#entry));
  }

  /** Ledgers of runs on this host whose process is gone, with their file paths. */
  static abandoned(directory: string): Array<{ path: string; entry: LedgerEntry }> {
    let files: string[];
    try {
      files = readdirSync(directory).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const out: Array<{ path: string; entry: LedgerEntry }> = [];
    for (const file of files) {
      const path = join(directory, file);
      const parsed = LedgerEntry.safeParse(safeJson(path));
      if (parsed.success && parsed.data.host === hostname() && !isAlive(parsed.data.pid)) out.push({ path, entry: parsed.data });
    }
    return out;
  }
}

const safeJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};

/** True while a process with this pid exists. */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
