// The real binary as a child process, for fault tests that kill or signal it: its JSON log lines on
// stderr can be awaited, and its exit (code or signal) is a promise.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/samrad.js', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class SamradChild {
  readonly process: ChildProcess;
  readonly exited: Promise<Exit>;
  /** Every JSON log line so far (stderr), and the other stderr text. */
  readonly lines: Record<string, any>[] = [];
  stderr = '';
  stdout = '';
  private waiters: { match: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }[] = [];
  private buf = '';

  constructor(args: string[], env: Record<string, string | undefined>) {
    this.process = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString('utf8')));
    this.process.stderr!.on('data', (d: Buffer) => this.take(d.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve({ code, signal })));
  }

  private take(chunk: string): void {
    this.stderr += chunk;
    this.buf += chunk;
    const parts = this.buf.split('\n');
    this.buf = parts.pop() ?? '';
    for (const raw of parts) {
      if (!raw.startsWith('{')) continue;
      let line: Record<string, any>;
      try {
        line = JSON.parse(raw);
      } catch {
        continue;
      }
      this.lines.push(line);
      for (const w of [...this.waiters]) if (w.match(line)) (this.waiters = this.waiters.filter((x) => x !== w)), w.resolve(line);
    }
  }

  /** The first log line (past or future) whose msg contains `msg`; rejects if the process exits first. */
  logged(msg: string): Promise<Record<string, any>> {
    const match = (l: Record<string, any>) => typeof l.msg === 'string' && l.msg.includes(msg);
    const found = this.lines.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      this.waiters.push({ match, resolve });
      void this.exited.then((e) => reject(new Error(`exited (${e.code ?? e.signal}) before logging "${msg}":\n${this.stderr.slice(-2_000)}`)));
    });
  }

  /** Log lines at error level or above. */
  errors(): Record<string, any>[] {
    return this.lines.filter((l) => l.level >= 50);
  }

  kill(signal: NodeJS.Signals): void {
    this.process.kill(signal);
  }
}

/** The environment of the test process without the variables a child must not inherit by accident. */
export function baseEnv(): Record<string, string | undefined> {
  const { DATABASE_URL: _db, SAMRAD_CONFIG: _cfg, DATA_DIR: _dir, SLACK_BOT_TOKEN: _t, SLACK_SIGNING_SECRET: _s, SLACK_APP_TOKEN: _a, ...rest } = process.env;
  return rest;
}
