import { z } from 'zod';

/** What `common.version()` answers; only the fields the harness reads. */
export const ServerVersionInfo = z.object({
  server_version: z.string(),
  server_version_info: z.tuple([z.number().int(), z.number().int()]).rest(z.unknown()),
  server_serie: z.string(),
  protocol_version: z.number().int().optional(),
});
export type ServerVersionInfo = z.infer<typeof ServerVersionInfo>;

/** The Odoo release the harness talks to. */
export interface OdooVersion {
  // Major release, e.g. 18; saas releases such as 17.2 keep major 17.
  readonly major: number;
  readonly minor: number;
  // As the server prints it, e.g. "18.0" or "saas~18.3+e".
  readonly serverVersion: string;
}

/** Turns `common.version()`'s answer into an `OdooVersion`. */
export const parseServerVersion = (info: ServerVersionInfo): OdooVersion => {
  const [major, minor] = info.server_version_info;
  return { major, minor, serverVersion: info.server_version };
};
