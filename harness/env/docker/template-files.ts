import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../run-ledger.ts';

/**
 * A docker template cached on disk: a dump and a filestore archive, keyed like the template, plus
 * a lock file while a run builds them. Runs sharing the cache folder (one checkout run twice, or
 * a shared HARNESS_CACHE_DIR) build a template once: the lock is created exclusively, and the
 * dump is renamed into place last, so its presence means the cache entry is complete.
 */
export class TemplateFiles {
  readonly dump: string;
  readonly filestore: string;
  readonly lock: string;

  constructor(cacheDir: string, key: string) {
    this.dump = join(cacheDir, `${key}.dump.tar`);
    this.filestore = join(cacheDir, `${key}.filestore.tar`);
    this.lock = join(cacheDir, `${key}.lock`);
  }

  isComplete(): Promise<boolean> {
    return exists(this.dump);
  }

  /** Takes the build lock; false when another run holds it. */
  async claim(): Promise<boolean> {
    try {
      await writeFile(this.lock, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    await rm(this.lock, { force: true });
  }

  /** Removes a lock whose holder is a process of this host that is gone; true when it did. */
  async releaseIfAbandoned(): Promise<boolean> {
    let holder: { pid?: unknown; host?: unknown };
    try {
      holder = JSON.parse(await readFile(this.lock, 'utf8')) as typeof holder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      // Written in one go, so unreadable means its writer died mid-write; give a live writer time.
      const age = Date.now() - (await stat(this.lock).then((s) => s.mtimeMs, () => Date.now()));
      if (age < 60_000) return false;
      await this.release();
      return true;
    }
    if (holder.host !== hostname() || typeof holder.pid !== 'number' || isAlive(holder.pid)) return false;
    await this.release();
    return true;
  }
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
