import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../../errors/index.ts';
import { Recording } from './recording.ts';
import { stableStringify } from './stable-json.ts';

/** Where a scenario's recording lives: `<root>/<major>/<id>.json` for the base configuration, `<root>/<major>-<config>/<id>.json` for another. */
export const recordingPath = (root: string, major: number, scenarioId: string, config = 'base'): string =>
  join(root, config === 'base' ? String(major) : `${major}-${config}`, `${scenarioId}.json`);

/**
 * Writes a recording: one exchange per line, keys sorted, so re-recording an unchanged scenario
 * gives a small diff. Written to a temporary file and renamed, so a crash never leaves half a file.
 */
export const writeRecording = async (path: string, recording: Recording): Promise<void> => {
  const { exchanges, ...meta } = recording;
  const lines = exchanges.map((exchange) => `  ${stableStringify(exchange)}`);
  const text = `${stableStringify(meta).slice(0, -1)},"exchanges":[\n${lines.join(',\n')}\n]}\n`;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
};

/**
 * Reads and validates a recording.
 * @throws ConfigError naming the file and the invalid fields; a missing file says how to make it.
 */
export const readRecording = async (path: string): Promise<Recording> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ConfigError(path, 'No recording for this scenario, Odoo version and configuration. Make one with a live run: npm run record (add -- --config <name> for a configuration of the matrix; see README, "Recordings").', { cause: error });
    throw error;
  }
  const parsed = Recording.safeParse(JSON.parse(text));
  if (!parsed.success) throw ConfigError.fromZod(path, parsed.error);
  return parsed.data;
};
