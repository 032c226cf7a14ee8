import { mkdir, mkdtemp, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runDirectory } from '../project/index.ts';
import { latestRunId, pointLatestAt } from './latest-link.ts';

const OLDER = '20261201T020000Z-aaaaaa';
const NEWER = '20261202T020000Z-bbbbbb';

const reportsWith = async (...ids: string[]): Promise<string> => {
  const reports = await mkdtemp(join(tmpdir(), 'oeh-latest-'));
  for (const id of ids) {
    await mkdir(runDirectory(id, reports), { recursive: true });
    await writeFile(join(runDirectory(id, reports), 'summary.json'), JSON.stringify({ id }));
  }
  return reports;
};

test('latest moves to the newest run, by a relative link, and leaves no temporary link behind', async () => {
  const reports = await reportsWith(OLDER, NEWER);
  expect(await latestRunId(reports)).toBeUndefined();
  await pointLatestAt(OLDER, reports);
  await pointLatestAt(NEWER, reports);
  expect(await readlink(join(reports, 'latest'))).toBe(`runs/${NEWER}`);
  expect(await latestRunId(reports)).toBe(NEWER);
  expect(JSON.parse(await readFile(join(reports, 'latest', 'summary.json'), 'utf8'))).toEqual({ id: NEWER });
  expect((await readdir(reports)).sort()).toEqual(['latest', 'runs']);
});

test('runs ending at the same moment each leave a whole link: one of them, never none', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `20261202T0200${String(i).padStart(2, '0')}Z-cccccc`);
  const reports = await reportsWith(...ids);
  await pointLatestAt(OLDER, reports).catch(() => undefined);
  await Promise.all(ids.map((id) => pointLatestAt(id, reports)));
  expect(ids).toContain(await latestRunId(reports));
  expect((await readdir(reports)).sort()).toEqual(['latest', 'runs']);
});

test('a folder in the way of the link is not replaced, and the error says what to remove', async () => {
  const reports = await reportsWith(NEWER);
  await mkdir(join(reports, 'latest', 'allure-report'), { recursive: true });
  await expect(pointLatestAt(NEWER, reports)).rejects.toThrow(`Remove ${join(reports, 'latest')} if it is not a link.`);
  expect(await readdir(join(reports, 'latest'))).toEqual(['allure-report']);
  expect((await readdir(reports)).sort()).toEqual(['latest', 'runs']);
});
