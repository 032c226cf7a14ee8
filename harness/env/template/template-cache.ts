import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** What the harness remembers of a template it built (the API key is needed on every copy). */
export const CachedTemplate = z.object({
  database: z.string(),
  key: z.string(),
  apiKey: z.string().optional(),
  createdAt: z.iso.datetime(),
});
export type CachedTemplate = z.infer<typeof CachedTemplate>;

const CacheFile = z.record(z.string(), CachedTemplate);

/**
 * A small JSON file in the cache folder: templates by server and key. It holds API keys, so it
 * is readable by its owner only and lives in the git-ignored cache folder.
 */
export class TemplateCache {
  readonly path: string;

  constructor(readonly directory: string) {
    this.path = join(directory, 'templates.json');
  }

  async get(server: string): Promise<CachedTemplate | undefined> {
    return (await this.#read())[server];
  }

  async set(server: string, entry: CachedTemplate): Promise<void> {
    const all = await this.#read();
    all[server] = entry;
    await mkdir(this.directory, { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }

  async #read(): Promise<Record<string, CachedTemplate>> {
    try {
      const parsed = CacheFile.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      // A damaged cache only costs a rebuild.
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
}
