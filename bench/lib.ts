// Shared pieces of the benchmarks and the soak check: throwaway databases, the real binary as a child
// process, RSS readings and the machine the numbers were taken on.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import postgres from 'postgres';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/samrad.js', import.meta.url));
export const PG_BASE = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
export const SECRET = 'bench-signing-secret';

/** Creates (or recreates) a database named samrad_bench_<name>; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const db = `samrad_bench_${name}`;
  const admin = postgres(`${PG_BASE}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${db} with (force)`);
    await admin.unsafe(`create database ${db}`);
  } finally {
    await admin.end();
  }
  return `${PG_BASE}/${db}`;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(`${PG_BASE}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists samrad_bench_${name} with (force)`);
  } finally {
    await admin.end();
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  freeGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  load: number;
  load5?: number;
  postgres?: string;
}

export function machine(): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load: Math.round(loadavg()[0] * 100) / 100,
    load5: Math.round(loadavg()[1] * 100) / 100,
  };
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

export interface Child {
  proc: ChildProcess;
  port: number;
  base: string;
  stderr: () => string;
  /** The server's log lines at warn and above, counted by level and message (pino JSON on stderr). */
  logCounts: Map<string, number>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The environment of server mode with Slack at `slackUrl` (the fake). */
export function serverEnv(slackUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _omit, ...base } = process.env;
  return { ...base, SAMRAD_MODE: 'server', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slackUrl}/api/`, ...extra };
}

/**
 * Spawns `node <args>` and waits until GET <base>/healthz answers 200; resolves with the time that
 * took (ms) — polled every 10 ms, so the figure is good to about that.
 */
export async function spawnUntilHealthy(args: string[], env: NodeJS.ProcessEnv, port: number, timeoutMs = 60_000): Promise<{ child: Child; startMs: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  let err = '';
  const logCounts = new Map<string, number>();
  let partial = '';
  proc.stderr!.on('data', (d) => {
    const text = d.toString('utf8');
    err = (err + text).slice(-20_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /"level":(\d+).*?"msg":"([^"]*)"/.exec(line);
      if (!m || Number(m[1]) < 40) continue;
      const key = `${Number(m[1]) >= 50 ? 'error' : 'warn'}: ${m[2]}`;
      logCounts.set(key, (logCounts.get(key) ?? 0) + 1);
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${proc.exitCode}:\n${err}`);
    if (performance.now() - t0 > timeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`${args.join(' ')}: no /healthz within ${timeoutMs} ms\n${err}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startMs = Math.round(performance.now() - t0);
  const child: Child = {
    proc,
    port,
    base,
    stderr: () => err,
    logCounts,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
  return { child, startMs };
}

/** A free loopback port for a child (asked of the OS, so the bench can wait on /healthz at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function sign(ts: number, body: string): string {
  return `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
}

/** A `/forum <text>` slash command body as Slack sends it. */
export function commandBody(user: string, channel: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy-unused',
    team_id: 'T1',
    team_domain: 'samverkan',
    channel_id: channel,
    channel_name: channel.toLowerCase(),
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/forum',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger.${user}.${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** Posts one signed command; resolves with the HTTP status. */
export async function postCommand(base: string, body: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(ts, body) },
    body,
  });
  await res.text();
  return res.status;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
