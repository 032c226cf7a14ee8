import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HarnessError } from '../../errors/index.ts';

/** How to start an integration that runs as a process of its own (any language). */
export interface IntegrationProcessOptions {
  // Names it in errors and logs (`quick-connector`).
  readonly name: string;
  // The program (`python3`, `node`, a service's start script), found on PATH or by path.
  readonly command: string;
  // Its arguments (the script to run).
  readonly args: readonly string[];
  // Added to the harness's environment: the systems' URLs, Odoo's endpoint.
  readonly env: Readonly<Record<string, string>>;
  // Where it runs (the harness's folder unless given).
  readonly cwd?: string;
  // How long it may take to print `LISTENING <url>` (default 20 s).
  readonly readyTimeoutMs?: number;
}

/** A request to the integration failed: it answered an error, took too long, or is gone. */
export class IntegrationCallError extends HarnessError {
  override name = 'IntegrationCallError';
  constructor(
    message: string,
    // The HTTP status it answered; 0 when it did not answer.
    readonly status: number,
  ) {
    super(message);
  }
}

// Lines of the process's output kept for errors and reports.
const LOG_LINES = 200;
// How long an error waits for the output the process wrote just before it answered.
const OUTPUT_SETTLE_MS = 200;

/**
 * An integration running as a child process, reached over HTTP. The protocol is small: it prints
 * one line `LISTENING http://127.0.0.1:<port>` on stdout once it serves, and exits when its stdin
 * closes, so it never outlives the harness (a crash or Ctrl-C of the run closes the pipe). What it
 * prints is kept, for the errors that name it.
 */
export class IntegrationProcess {
  readonly #log: string[] = [];
  #exit: string | undefined;

  private constructor(
    // As given to start(), in errors.
    readonly name: string,
    private readonly child: ChildProcess,
    // Where its HTTP API answers.
    readonly url: string,
  ) {}

  /**
   * Starts it and waits until it serves.
   * @throws IntegrationCallError when it exits or stays silent first, with what it printed.
   */
  static async start(options: IntegrationProcessOptions): Promise<IntegrationProcess> {
    const { name, readyTimeoutMs = 20_000 } = options;
    // A group of its own: a launcher in front of it (a pyenv shim, `npm start`) is signalled with it.
    const child = spawn(options.command, [...options.args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const early: string[] = [];
    let started: IntegrationProcess | undefined;
    const keep = (line: string) => {
      if (started) started.#remember(line);
      else early.push(line);
    };
    createInterface({ input: child.stderr! }).on('line', keep);
    const stdout = createInterface({ input: child.stdout! });
    const url = await new Promise<string>((resolve, reject) => {
      const fail = (why: string) => reject(new IntegrationCallError(`✖ integration "${name}" (${options.command} ${options.args.join(' ')}) ${why}.${tail(early)}`, 0));
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
        fail(`printed no "LISTENING <url>" line within ${readyTimeoutMs} ms`);
      }, readyTimeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        fail(`could not start: ${error.message}`);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(`exited (${signal ?? `code ${code}`}) before it served`);
      });
      stdout.on('line', (line) => {
        const listening = /^LISTENING (https?:\/\/\S+)/.exec(line);
        if (listening && !started) {
          clearTimeout(timer);
          resolve(listening[1]!.replace(/\/$/, ''));
        } else keep(line);
      });
    });
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    started = new IntegrationProcess(name, child, url);
    // A signal it cannot get any more, or a pipe it closed: its exit says what happened.
    child.on('error', (error) => started.#remember(`[harness] ${error.message}`));
    child.stdin!.on('error', () => undefined);
    for (const line of early) started.#remember(line);
    child.once('exit', (code, signal) => void (started.#exit = signal ?? `code ${code}`));
    return started;
  }

  /** Whether the process has ended (stopped, or crashed). */
  get exited(): boolean {
    return this.#exit !== undefined;
  }

  /** The last `lines` lines it printed (stdout and stderr). */
  logTail(lines = 20): string {
    return this.#log.slice(-lines).join('\n');
  }

  /**
   * POSTs `body` as JSON to `path` and returns its JSON answer.
   * @throws IntegrationCallError on an error status, a timeout (default 120 s) or a dead process,
   *   with the answer's error and the last lines it printed.
   */
  async post<T = unknown>(path: string, body: unknown, options: { readonly timeoutMs?: number } = {}): Promise<T> {
    const { timeoutMs = 120_000 } = options;
    const what = `integration "${this.name}" POST ${path}`;
    if (this.#exit) throw new IntegrationCallError(`✖ ${what}: the process has exited (${this.#exit}).${tail(this.#log)}`, 0);
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, OUTPUT_SETTLE_MS));
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : this.#exit ? `the process exited (${this.#exit})` : `no answer: ${(error as Error).message}`;
      throw new IntegrationCallError(`✖ ${what}: ${why}.${tail(this.#log)}`, 0);
    }
    const text = await response.text();
    if (!response.ok) {
      // What it printed while failing may still be in the pipe when its answer arrives.
      await new Promise((resolve) => setTimeout(resolve, OUTPUT_SETTLE_MS));
      throw new IntegrationCallError(`✖ ${what} answered ${response.status}: ${errorOf(text)}${tail(this.#log)}`, response.status);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Ends it and what it started: its stdin is closed, then SIGTERM, then SIGKILL after 2 s. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.#exit) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin?.end();
    killGroup(this.child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  #remember(line: string): void {
    this.#log.push(line);
    if (this.#log.length > LOG_LINES) this.#log.shift();
  }
}

// The process and whatever it started, or the process alone where groups are not (Windows).
const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  try {
    if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Gone already.
  }
};

const tail = (lines: readonly string[]): string => (lines.length ? `\nIts last output:\n${lines.slice(-10).map((l) => `  ${l}`).join('\n')}` : '');

// `{"error": "…"}` from the integration, else its text.
const errorOf = (text: string): string => {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // Not JSON: the text itself.
  }
  return text.slice(0, 500);
};
