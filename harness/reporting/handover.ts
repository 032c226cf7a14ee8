import type { IntegrationFlow, IntegrationMap } from '../governance/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { markdownCell as cell } from './markdown-cell.ts';

/** What the handover takes of one scenario of the run: its flow, and what went wrong in it. */
export interface HandoverScenario {
  readonly id: string;
  readonly flow: string;
  readonly status: string;
  // The failure's first line, when it failed.
  readonly error?: string;
  // The correction items it left, as the governance facts carry them.
  readonly corrections: ReadonlyArray<{ readonly flow: string; readonly reason: string; readonly owner: string; readonly reference: string }>;
}

// Real examples per flow: enough to recognise the case, short enough to read.
const EXAMPLES = 3;
const MISSING = '⚠ not in the integration map';


/**
 * The handover document for the support team, per flow of the integration map: systems,
 * direction, trigger, frequency, owner, credentials owner, monitoring, retry process, vendor
 * contacts, and real error examples from the run (correction items and failures), secrets removed.
 */
export const handoverMarkdown = (map: IntegrationMap, scenarios: readonly HandoverScenario[], redactor: SecretRedactor = new SecretRedactor()): string => {
  const incomplete = map.flows.filter((f) => !f.credentialsOwner || !f.monitoring || !f.retryProcess || !f.vendorContacts.length).map((f) => f.id);
  return [
    `# Handover: ${map.name}`,
    '',
    `Integration map version ${map.version}; the integration's own code: ${map.integrationOwner}. Generated from the map and ${scenarios.length} scenario(s) of this run.`,
    ...(incomplete.length ? ['', `${MISSING} for: ${incomplete.join(', ')} (credentialsOwner, monitoring, retryProcess or vendorContacts).`] : []),
    '',
    ...map.flows.flatMap((flow) => flowSection(flow, scenarios, redactor)),
  ].join('\n');
};

const flowSection = (flow: IntegrationFlow, scenarios: readonly HandoverScenario[], redactor: SecretRedactor): string[] => {
  const corrections = scenarios.flatMap((s) => s.corrections.filter((c) => c.flow === flow.id).map((c) => ({ ...c, scenario: s.id })));
  const failures = scenarios.filter((s) => s.flow === flow.id && s.status === 'failed' && s.error);
  const contacts = flow.vendorContacts.map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(', '));
  const examples = [
    ...corrections.slice(0, EXAMPLES).map((c) => `- correction \`${c.reason}\` on ${c.reference}, for ${c.owner} (scenario \`${c.scenario}\`)`),
    ...failures.slice(0, EXAMPLES).map((s) => `- failure in \`${s.id}\`: ${redactor.redactText(s.error!)}`),
  ];
  return [
    `## ${flow.id}: ${flow.description}`,
    '',
    '| | |',
    '|---|---|',
    `| systems, direction | ${flow.from} → ${flow.to} |`,
    `| trigger, frequency | ${flow.trigger}, ${cell(flow.frequency)} |`,
    `| owner | ${flow.owner}${Object.keys(flow.exceptionOwners).length ? ` (by reason: ${Object.entries(flow.exceptionOwners).map(([r, o]) => `${r} → ${o}`).join(', ')})` : ''} |`,
    `| credentials owner | ${flow.credentialsOwner ?? MISSING} |`,
    `| monitoring | ${cell(flow.monitoring ?? MISSING)} |`,
    `| when an item fails | ${cell(flow.exceptionPath)} |`,
    `| retry process | ${cell(flow.retryProcess ?? MISSING)} |`,
    `| vendor contacts | ${cell(contacts.length ? contacts.join('; ') : MISSING)} |`,
    '',
    examples.length ? `Error examples from this run (${corrections.length} correction item(s), ${failures.length} failed scenario(s)):` : 'No error in this run.',
    ...examples,
    '',
  ];
};
