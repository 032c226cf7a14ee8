import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UnservedCall } from './outbound-proxy.ts';

/** The run folder's file listing what Odoo tried to reach (attached to the Allure report). */
export const OUTBOUND_INVENTORY_FILE = 'outbound.md';

/** One line per endpoint, with how often: "Odoo tried to reach POST services.odoo.com/publisher-warranty/ (2×)". */
export const unservedLines = (calls: readonly UnservedCall[]): string[] => {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(`${call.method} ${call.host}${call.path}`, (counts.get(`${call.method} ${call.host}${call.path}`) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([endpoint, times]) => `Odoo tried to reach ${endpoint}${times > 1 ? ` (${times}×)` : ''}`);
};

/**
 * Writes the run's inventory of Odoo's outbound calls no simulator served (each refused with a
 * 502, so nothing left the machine): what this Odoo configuration calls outside on its own.
 */
export const writeOutboundInventory = async (runFolder: string, calls: readonly UnservedCall[]): Promise<void> => {
  const lines = unservedLines(calls);
  const body = [
    "# Odoo's outbound calls that no simulator serves",
    '',
    'Each was refused by the harness\'s outbound proxy with a 502: during the run nothing left the machine. The list is an inventory of the external endpoints this Odoo configuration calls.',
    '',
    ...(lines.length ? lines.map((line) => `- ${line}`) : ['None: every outbound call went to a simulator.']),
    '',
  ];
  await mkdir(runFolder, { recursive: true });
  await writeFile(join(runFolder, OUTBOUND_INVENTORY_FILE), body.join('\n'));
};
