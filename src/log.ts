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

/**
 * An error as a log line may hold it: its kind, code and stack frames, never its message. A driver's
 * message quotes the statement's values (drizzle: "Failed query: … params: <what the user typed>"),
 * a client's may quote a request body; the frames are enough to find the place.
 */
export function safeError(e: unknown): Record<string, unknown> | unknown {
  if (!(e instanceof Error)) return typeof e === 'string' ? '[message withheld]' : e;
  const err = e as Error & { code?: unknown; status?: unknown; statusCode?: unknown; cause?: unknown };
  const cause = err.cause instanceof Error ? (err.cause as Error & { code?: unknown }) : null;
  return {
    type: err.name,
    code: err.code ?? cause?.code,
    status: err.status ?? err.statusCode,
    frames: stackFrames(err.stack),
    ...(cause ? { cause: { type: cause.name, code: cause.code, frames: stackFrames(cause.stack) } } : {}),
  };
}

/** Only the `at …` lines of a stack: the lines above them repeat the message (and drizzle's params). */
export function stackFrames(stack: string | undefined): string | undefined {
  return stack?.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
}

export function createLogger(level: string = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'samrad' }, serializers: { err: safeError } },
    destination as never,
  );
}
