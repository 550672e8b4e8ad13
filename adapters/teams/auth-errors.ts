// Teams requests that fail authentication get 401 — never 500, never the library's own message —
// and 503 (logged) while the identity provider that publishes the signing keys cannot be reached.
// Tokens that can never be valid (no token, not a JWT, alg none or HS256, no key id) are refused
// before botbuilder is asked, so they cost no round trip to the provider.

/** Bot Framework tokens are signed with RSA keys named by `kid`. */
const ALLOWED_ALGS = new Set(['RS256', 'RS384', 'RS512']);

/** Why a bearer token is refused without asking the provider; null when it has the right shape. */
export function malformedToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
  if (!m) return 'no bearer token';
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as typeof header;
  } catch {
    return 'token header not readable';
  }
  if (typeof header.alg !== 'string' || !ALLOWED_ALGS.has(header.alg)) return 'token algorithm not allowed';
  if (typeof header.kid !== 'string' || !header.kid) return 'token names no signing key';
  if (!m[3]) return 'token not signed';
  return null;
}

const NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** 503 when the failure is reaching the identity provider; 401 for everything else that failed authentication. */
export function authFailureStatus(e: unknown): 401 | 503 {
  for (let err = e as { code?: unknown; cause?: unknown; message?: unknown; name?: unknown } | undefined, d = 0; err && d < 5; err = err.cause as typeof err, d++) {
    if (typeof err.code === 'string' && NETWORK.has(err.code)) return 503;
    const msg = typeof err.message === 'string' ? err.message : '';
    if (/fetch failed|getaddrinfo|socket hang up|network|openid(configuration| metadata)|Failed to load/i.test(msg) && !/signature|expired|audience|issuer/i.test(msg)) return 503;
  }
  return 401;
}
