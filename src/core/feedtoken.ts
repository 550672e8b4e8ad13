// Unguessable links: each forum has one random feed token (forums.calendar_token, made on first use).
// The ICS feed takes it as it is; a report chart link takes an HMAC of it, so sharing a chart
// never reveals the calendar token, and one chart link opens no other forum or quarter.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newFeedToken(): string {
  return randomBytes(24).toString('base64url');
}

export function reportImageToken(feedToken: string, forumKey: string, quarter: string): string {
  return createHmac('sha256', feedToken).update(`report:${forumKey}:${quarter}`).digest('base64url');
}

export function reportImagePath(forumKey: string, quarter: string, token: string): string {
  return `/reports/${encodeURIComponent(forumKey)}/${quarter}.png?token=${token}`;
}

/** A protokoll PDF link opens that forum's minutes of that date only (an HMAC of the forum's feed token). */
export function minutesPdfToken(feedToken: string, forumKey: string, date: string): string {
  return createHmac('sha256', feedToken).update(`minutes:${forumKey}:${date}`).digest('base64url');
}

export function minutesPdfPath(forumKey: string, date: string, token: string): string {
  return `/minutes/${encodeURIComponent(forumKey)}/${date}.pdf?token=${token}`;
}

export function calendarPath(forumKey: string, token: string): string {
  return `/calendar/${encodeURIComponent(forumKey)}.ics?token=${token}`;
}

/** Compares secrets in constant time. */
export function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
