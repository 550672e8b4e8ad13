// Bolt and the Web API client log through our pino logger (redaction included), at its level.
import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import type { Logger } from '../../src/log.js';

// Debug is never asked for: its lines are request bodies (see below).
const LEVELS: Record<string, LogLevel> = { trace: LogLevel.INFO, debug: LogLevel.INFO, info: LogLevel.INFO, warn: LogLevel.WARN };

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    // Bolt's and the Web API client's debug lines hold request and response bodies (user text):
    // never logged, at any level (issue 15).
    debug: () => {},
    info: (...m: unknown[]) => child.info(line(m)),
    warn: (...m: unknown[]) => child.warn(line(m)),
    error: (...m: unknown[]) => child.error(line(m)),
    // The level is ours (LOG_LEVEL); Bolt may ask but not change it.
    setLevel: () => {},
    getLevel: () => LEVELS[child.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
