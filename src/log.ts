// Structured logs. User text and secrets never reach a log line: known fields are redacted,
// and handlers log ids and codes, never message bodies.
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export const REDACT_PATHS = [
  'text',
  '*.text',
  'payload',
  '*.payload',
  'body',
  '*.body',
  'req.body',
  'question',
  '*.question',
  'fields',
  '*.fields',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
];

export function createLogger(level: string = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'samrad' } }, destination as never);
}
