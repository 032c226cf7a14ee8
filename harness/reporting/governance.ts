import type { IntegrationMap } from '../governance/index.ts';
import { DEFAULT_CHANNEL } from '../connector/odoo-refs.ts';
import type { GovernanceFacts, ScenarioMeta } from '../scenario/scenario-meta.ts';

/** One scenario as governance sees it. */
export interface GovernanceInput {
  readonly meta: ScenarioMeta;
  readonly status: string;
  readonly facts?: GovernanceFacts;
}

/** The governance summary: the map, what is covered, and how reliable the integration was. */
export interface GovernanceSummary {
  readonly integration: IntegrationMap;
  // flow → exception → scenarios with their status.
  readonly coverage: Record<string, Record<string, Array<{ id: string; status: string }>>>;
  readonly metrics: {
    readonly scenarios: number;
    readonly failedScenarios: number;
    // Scenarios the connector cannot run (a capability it does not declare): neither passed nor failed.
    readonly notCovered: number;
    // Items the integration could not process (each a failed sync).
    readonly failedSyncs: number;
    // Orders still parked in the correction queue at the end of their scenario.
    readonly ordersAwaitingCorrection: number;
    readonly duplicatesFound: number;
    // Mismatches parked for a person, violated payment invariants, and write-offs within tolerance.
    readonly paymentMismatches: number;
    readonly writeOffs: number;
    readonly inventoryDifferences: number;
    // Mean time from a correction item to its resolution, where a scenario resolved one.
    readonly meanTimeToResolutionMinutes: number | null;
    readonly correctionsByOwner: Record<string, number>;
    // Failed scenarios by who must act (the owner follows what failed, not only the scenario's own).
    readonly failuresByOwner: Record<string, number>;
    // The same figures per sales channel (`shop` is the web shop), so a new channel is governed alike.
    readonly byChannel: Record<string, ChannelMetrics>;
  };
  // Defects of code nobody here wrote (Odoo's own, a vendor's) that scenarios proved in this run.
  readonly findings: ReadonlyArray<{ readonly scenario: string; readonly owner: string; readonly odooMajor: number; readonly says: string }>;
}

/** What governance counts per sales channel. */
export interface ChannelMetrics {
  // Scenarios that placed orders in the channel.
  readonly scenarios: number;
  readonly orders: number;
  readonly failedSyncs: number;
  readonly ordersAwaitingCorrection: number;
  readonly writeOffs: number;
}

// Results written before channels existed, and items without one, are the web shop's.
const channelOf = (item: { readonly channel?: string }): string => item.channel ?? DEFAULT_CHANNEL;

// Shop orders with an open correction item, told apart per channel (both shops have an `ord_0001`).
const awaitingCorrection = (corrections: GovernanceFacts['corrections']): Set<string> =>
  new Set(corrections.filter((c) => c.resolutionMs === undefined && c.reference.startsWith('ord_')).map((c) => `${channelOf(c)}/${c.reference}`));

const perChannel = (scenarios: readonly GovernanceInput[]): Record<string, ChannelMetrics> => {
  const names = new Set(scenarios.flatMap((s) => [...Object.keys(s.facts?.channels ?? {}), ...(s.facts?.corrections ?? []).map(channelOf)]));
  return Object.fromEntries(
    [...names].sort().map((name) => {
      const corrections = scenarios.flatMap((s) => s.facts?.corrections ?? []).filter((c) => channelOf(c) === name);
      const facts = scenarios.flatMap((s) => (s.facts?.channels?.[name] ? [s.facts.channels[name]] : []));
      return [
        name,
        {
          scenarios: facts.filter((f) => f.orders > 0).length,
          orders: facts.reduce((sum, f) => sum + f.orders, 0),
          failedSyncs: corrections.length,
          ordersAwaitingCorrection: awaitingCorrection(corrections).size,
          writeOffs: facts.reduce((sum, f) => sum + f.writeOffs, 0),
        },
      ];
    }),
  );
};

const DUPLICATE = /duplicate|one (sale order|partner) per/;
const PAYMENT = /payment_mismatch|refund_mismatch|gateway net|credit notes/;
const INVENTORY = /stock_shortage|quants|ordered =|delivered =|shop stock/;

/** Builds the summary from a run's scenarios and the integration map. */
export const summarizeGovernance = (integration: IntegrationMap, scenarios: readonly GovernanceInput[]): GovernanceSummary => {
  const coverage: GovernanceSummary['coverage'] = Object.fromEntries(integration.flows.map((f) => [f.id, {}]));
  // A scenario that proved a declared defect covers its exception with a finding, not a pass.
  // One the connector cannot run (a capability it lacks) is not covered: neither a pass nor a failure.
  for (const s of scenarios) ((coverage[s.meta.flow] ??= {})[s.meta.exception] ??= []).push({ id: s.meta.id, status: s.facts?.finding ? 'finding' : s.facts?.notCovered ? 'not-covered' : s.status });
  const corrections = scenarios.flatMap((s) => s.facts?.corrections ?? []);
  const violations = scenarios.flatMap((s) => s.facts?.violations ?? []);
  const signals = [...corrections.map((c) => c.reason), ...violations];
  const resolved = corrections.flatMap((c) => (c.resolutionMs === undefined ? [] : [c.resolutionMs]));
  const byOwner: Record<string, number> = {};
  for (const c of corrections) byOwner[c.owner] = (byOwner[c.owner] ?? 0) + 1;
  const writeOffs = scenarios.reduce((sum, s) => sum + (s.facts?.writeOffs ?? 0), 0);
  const failuresByOwner: Record<string, number> = {};
  for (const s of scenarios) if (s.status === 'failed') failuresByOwner[s.facts?.failureOwner ?? s.meta.owner] = (failuresByOwner[s.facts?.failureOwner ?? s.meta.owner] ?? 0) + 1;
  return {
    integration,
    coverage,
    metrics: {
      scenarios: scenarios.length,
      failedScenarios: scenarios.filter((s) => s.status === 'failed').length,
      notCovered: scenarios.filter((s) => s.facts?.notCovered).length,
      failedSyncs: corrections.length,
      ordersAwaitingCorrection: awaitingCorrection(corrections).size,
      duplicatesFound: signals.filter((x) => DUPLICATE.test(x)).length,
      paymentMismatches: signals.filter((x) => PAYMENT.test(x)).length + writeOffs,
      writeOffs,
      inventoryDifferences: signals.filter((x) => INVENTORY.test(x)).length,
      meanTimeToResolutionMinutes: resolved.length ? Math.round(resolved.reduce((a, b) => a + b, 0) / resolved.length / 60_000) : null,
      correctionsByOwner: byOwner,
      failuresByOwner,
      byChannel: perChannel(scenarios),
    },
    findings: scenarios.flatMap((s) => (s.facts?.finding ? [{ scenario: s.meta.id, owner: s.facts.finding.owner, odooMajor: s.facts.finding.odooMajor, says: s.facts.finding.says }] : [])),
  };
};

/** The summary as Markdown: metrics, the coverage matrix (flow × exception) and the map. */
export const governanceMarkdown = (summary: GovernanceSummary): string => {
  const m = summary.metrics;
  const mark = (cells: Array<{ status: string }>) =>
    cells.every((c) => c.status === 'passed')
      ? '✓'
      : cells.some((c) => c.status === 'failed')
        ? '✗'
        : cells.some((c) => c.status === 'finding')
          ? '⚑'
          : cells.every((c) => c.status === 'not-covered')
            ? '○'
            : '…';
  const lines = [
    `# Integration governance: ${summary.integration.name}`,
    '',
    '## Run metrics',
    '',
    '| metric | value |',
    '|---|---|',
    `| scenarios (failed) | ${m.scenarios} (${m.failedScenarios}) |`,
    `| not covered (the connector lacks a capability) | ${m.notCovered} |`,
    `| failed syncs (items sent to the correction queue) | ${m.failedSyncs} |`,
    `| orders awaiting manual correction | ${m.ordersAwaitingCorrection} |`,
    `| duplicates found | ${m.duplicatesFound} |`,
    `| payment mismatches (of which written off within tolerance) | ${m.paymentMismatches} (${m.writeOffs}) |`,
    `| inventory differences | ${m.inventoryDifferences} |`,
    `| mean time to resolution | ${m.meanTimeToResolutionMinutes === null ? 'n/a' : `${m.meanTimeToResolutionMinutes} min`} |`,
    `| correction items by owner | ${Object.entries(m.correctionsByOwner).map(([o, n]) => `${o}: ${n}`).join(', ') || 'none'} |`,
    `| failed scenarios by owner | ${Object.entries(m.failuresByOwner).map(([o, n]) => `${o}: ${n}`).join(', ') || 'none'} |`,
    '',
    '## Findings: defects proven in code nobody here wrote',
    '',
    ...(summary.findings.length
      ? ['| scenario | Odoo | owner | finding |', '|---|---|---|---|', ...summary.findings.map((f) => `| ${f.scenario} | ${f.odooMajor} | ${f.owner} | ${f.says} |`)]
      : ['none in this run']),
    '',
    '## Per sales channel',
    '',
    '| channel | scenarios | orders | failed syncs | orders awaiting correction | write-offs |',
    '|---|---|---|---|---|---|',
    ...Object.entries(m.byChannel).map(([name, c]) => `| ${name} | ${c.scenarios} | ${c.orders} | ${c.failedSyncs} | ${c.ordersAwaitingCorrection} | ${c.writeOffs} |`),
    '',
    '## Coverage: flow × exception',
    '',
    '| flow | exceptions covered (✓ passed, ✗ failed, ⚑ a finding in code nobody here wrote, ○ not covered: the connector lacks the capability) |',
    '|---|---|',
    ...Object.entries(summary.coverage).map(([flow, exceptions]) => `| ${flow} | ${Object.entries(exceptions).map(([e, cells]) => `${mark(cells)} ${e}`).join('; ') || '**no scenario**'} |`),
    '',
    '## Integration map',
    '',
    '| flow | from → to | trigger | frequency | owner | exception path |',
    '|---|---|---|---|---|---|',
    ...summary.integration.flows.map((f) => `| ${f.id} | ${f.from} → ${f.to} | ${f.trigger} | ${f.frequency} | ${f.owner} | ${f.exceptionPath} |`),
    '',
    '| business field | source of truth |',
    '|---|---|',
    ...Object.entries(summary.integration.sourceOfTruth).map(([field, system]) => `| ${field} | ${system} |`),
    '',
  ];
  return lines.join('\n');
};
