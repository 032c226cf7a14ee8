import { expect, test } from 'vitest';
import { markTransient, obtainTemplate, type TemplateSlot } from './obtain-template.ts';

// Databases shared by every run, as on one server: creating a name that exists fails, like
// CREATE DATABASE. Each run sees them through its own slot, as UrlTarget does.
class SharedServer {
  readonly databases = new Map<string, string>();
  readonly drops: string[] = [];
}

const slotFor = (server: SharedServer, run: string, options: { buildMs?: number; failBuild?: boolean } = {}): TemplateSlot & { built: boolean } => ({
  description: 'template "tpl"',
  claimDescription: 'its build database "tplbuild"',
  built: false,
  isPublished: async () => server.databases.has('tpl'),
  async claim() {
    if (server.databases.has('tplbuild')) return false;
    server.databases.set('tplbuild', run);
    return true;
  },
  async buildAndPublish() {
    await new Promise((resolve) => setTimeout(resolve, options.buildMs ?? 30));
    if (options.failBuild) {
      server.databases.delete('tplbuild');
      server.drops.push(`${run} dropped its own build`);
      throw new Error(`${run}: module install failed`);
    }
    server.databases.delete('tplbuild');
    server.databases.set('tpl', run);
    this.built = true;
  },
  releaseAbandonedClaim: async () => false,
});

const quick = { waitLimitMs: 5_000, pollMs: 5, log: () => undefined };

test('of two runs starting together, one builds and the other waits for it and uses it', async () => {
  const server = new SharedServer();
  const a = slotFor(server, 'a');
  const b = slotFor(server, 'b');
  const lines: string[] = [];
  const outcomes = await Promise.all([obtainTemplate(a, quick), obtainTemplate(b, { ...quick, log: (l) => lines.push(l) })]);
  expect(outcomes).toEqual(['built', 'found']);
  expect([a.built, b.built]).toEqual([true, false]);
  expect(server.databases.get('tpl')).toBe('a');
  expect(lines[0]).toBe('Another run is building template "tpl": waiting for it (at most 5 s).');
});

test('a published template is used as it is', async () => {
  const server = new SharedServer();
  server.databases.set('tpl', 'earlier run');
  expect(await obtainTemplate(slotFor(server, 'a'), quick)).toBe('found');
});

test("a failed build removes only its own build, and a waiting run then builds it", async () => {
  const server = new SharedServer();
  const a = slotFor(server, 'a', { failBuild: true });
  const b = slotFor(server, 'b');
  const [first, second] = await Promise.allSettled([obtainTemplate(a, quick), obtainTemplate(b, quick)]);
  expect(first).toMatchObject({ status: 'rejected', reason: { message: 'a: module install failed' } });
  expect(second).toEqual({ status: 'fulfilled', value: 'built' });
  expect(server.drops).toEqual(['a dropped its own build']);
  expect(server.databases.get('tpl')).toBe('b');
});

test('waiting is bounded, and the error names what holds the build', async () => {
  const server = new SharedServer();
  server.databases.set('tplbuild', 'a run on another machine');
  const waiting = obtainTemplate(slotFor(server, 'b'), { ...quick, waitLimitMs: 50 });
  await expect(waiting).rejects.toThrow(/Gave up waiting for template "tpl" after \d+ s: another run still holds its build database "tplbuild" — fix: if no run is building it/);
  // Nothing of the other run's was touched.
  expect(server.databases.get('tplbuild')).toBe('a run on another machine');
});

test('a build abandoned by a run that is gone is taken over', async () => {
  const server = new SharedServer();
  server.databases.set('tplbuild', 'killed run');
  const slot = slotFor(server, 'b');
  slot.releaseAbandonedClaim = async () => (server.databases.delete('tplbuild'), true);
  const lines: string[] = [];
  expect(await obtainTemplate(slot, { ...quick, log: (l) => lines.push(l) })).toBe('built');
  expect(lines).toEqual(['The build of template "tpl" was abandoned by a run that is gone: building it again.']);
});

test('a build cut by a restart of Odoo is tried again; one refused for a reason is not', async () => {
  const server = new SharedServer();
  const slot = slotFor(server, 'a');
  let cuts = 1;
  const build = slot.buildAndPublish.bind(slot);
  slot.buildAndPublish = async () => {
    if (cuts-- > 0) {
      server.databases.delete('tplbuild');
      throw markTransient(new Error('Building template "tpl" failed: connection reset by the server — fix: raise limit_time_real'));
    }
    return build();
  };
  const lines: string[] = [];
  expect(await obtainTemplate(slot, { ...quick, log: (l) => lines.push(l) })).toBe('built');
  expect(lines).toEqual(['Building template "tpl" failed: connection reset by the server; trying again.']);
  const refused = slotFor(server, 'b', { failBuild: true });
  server.databases.clear();
  await expect(obtainTemplate(refused, quick)).rejects.toThrow('b: module install failed');
});
