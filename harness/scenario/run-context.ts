import type {} from 'vitest';
import type { TargetInfo } from '../env/index.ts';

/** What globalSetup hands every worker (plain data, via vitest's provide/inject). */
export type HarnessRunContext =
  | {
      readonly mode: 'replay';
      // The Odoo major whose recordings this project replays.
      readonly major: number;
      readonly recordingsDir: string;
      // The configuration of the matrix whose recordings are replayed.
      readonly config: string;
    }
  | {
      readonly mode: 'live';
      readonly target: TargetInfo;
      // The main process's database broker for this run (copies and drops; see env/broker-server.ts).
      readonly controlUrl: string;
      readonly controlToken: string;
      readonly record: boolean;
      readonly recordingsDir: string;
      // The configuration of the matrix the template was made with.
      readonly config: string;
      readonly seed?: number;
      readonly timeoutMs: number;
      // How long a call waits for an Odoo that restarts mid-run.
      readonly restartWaitMs: number;
    };

declare module 'vitest' {
  interface ProvidedContext {
    harness: HarnessRunContext;
  }
}
