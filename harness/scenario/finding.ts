import { z } from 'zod';
import { Owner } from '../governance/index.ts';

/**
 * A defect of code nobody here wrote (Odoo's own modules, a provider's API) that a scenario
 * proves. The scenario keeps asserting the right business outcome; on the Odoo versions named it
 * must still fail, with an error that contains `shows`, and the run reports a finding routed to
 * `owner` instead of a failure. Any other failure stays a failure, and a pass fails the run: the
 * defect is gone, so the declaration must go too.
 */
export const Finding = z.object({
  owner: Owner.meta({ description: 'Who must act on the defect: the report routes the finding to them.' }),
  on: z
    .array(z.number().int().min(16))
    .min(1, 'name the Odoo majors the defect was proven on')
    .meta({ description: 'Odoo majors the defect was proven on by live runs, e.g. [18, 19]; on these the scenario must fail with it.' }),
  says: z.string().min(1).meta({ description: 'The defect in one sentence, for the report, with where it lives (module, file:line).' }),
  shows: z.string().min(1).meta({ description: "A part of the failure's message that proves it is this defect and not another failure." }),
});
export type Finding = z.infer<typeof Finding>;

/** A finding as the run reports it: the declaration and the failure that proved it. */
export interface ProvenFinding {
  readonly owner: Owner;
  readonly says: string;
  readonly odooMajor: number;
  readonly failure: string;
}

/** The declared finding, if `error` proves it on this major; undefined for any other failure. */
export const provenFinding = (finding: Finding | undefined, odooMajor: number, error: unknown): ProvenFinding | undefined => {
  if (!finding?.on.includes(odooMajor)) return undefined;
  const failure = error instanceof Error ? error.message : String(error);
  return failure.includes(finding.shows) ? { owner: finding.owner, says: finding.says, odooMajor, failure } : undefined;
};

/** Thrown when a scenario with a finding declared on this major passes: the defect is gone. */
export class FindingGoneError extends Error {
  override readonly name = 'FindingGoneError';
  constructor(scenarioId: string, finding: Finding, odooMajor: number) {
    super(
      `✖ ${scenarioId}: the finding declared on Odoo ${odooMajor} no longer reproduces: the scenario passed. ` +
        `If Odoo was fixed, drop ${odooMajor} from \`finding.on\` (or the whole \`finding\`) in its metadata and record it again. The finding said: ${finding.says}`,
    );
  }
}

/** Whether a finding is declared on this major (the scenario must then fail with it). */
export const findingDeclaredOn = (finding: Finding | undefined, odooMajor: number): finding is Finding => Boolean(finding?.on.includes(odooMajor));

/** How a scenario with a finding is named, wherever its result is listed. */
export const findingSuffix = (finding: Finding | undefined): string => (finding ? ` [finding on Odoo ${finding.on.join(', ')}, owner ${finding.owner}]` : '');
