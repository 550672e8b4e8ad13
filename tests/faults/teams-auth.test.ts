// Teams authentication failures at the wire: forged tokens get 401 with no library text, an identity
// provider that cannot be reached gets 503 (and a log line), and nothing is stored either way.
import { generateKeyPairSync, createSign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { FakeConnector, startTeamsRig, type TeamsRig } from '../helpers/teams.js';
import { anna, message } from '../teams/activities.js';
import { createLogger } from '../../src/log.js';
import { LogSink } from '../helpers/slack.js';

const APP = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-secret' };
let database: TestDatabase;
let connector: FakeConnector;
let provider: Server;
let providerUrl = '';

// The provider publishes one key; the forger signs with another under the same key id.
const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await new FakeConnector().start();
  provider = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url?.startsWith('/keys')) res.end(JSON.stringify({ keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', endorsements: ['msteams'] }] }));
    else res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${providerUrl}/keys` }));
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => provider.close(() => r()));
  await connector.stop();
  await database.close();
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claims = () => ({ iss: 'https://api.botframework.com', aud: APP.MicrosoftAppId, exp: Math.floor(Date.now() / 1000) + 600, nbf: Math.floor(Date.now() / 1000) - 60, serviceurl: connector.url });
function rs256(kid: string, key = forger.privateKey): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims())}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}
const forged = {
  'alg none': () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`,
  HS256: () => `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${b64(claims())}.c2lnbmVk`,
  'a wrong key': () => rs256('k1'),
  'an unknown key id': () => rs256('nope'),
  'no token at all': () => '',
};

async function post(rig: TeamsRig, token: string) {
  return rig.post(message(anna, 'koppla arendeforum-unga', { serviceUrl: connector.url }), token ? { authorization: `Bearer ${token}` } : {});
}

describe('Teams authentication failures', () => {
  for (const [what, token] of Object.entries(forged)) {
    it(`a request with ${what} gets 401, no library text, and changes nothing`, async () => {
      const rig = await startTeamsRig(database, connector, { ...APP, ToBotFromChannelOpenIdMetadataUrl: `${providerUrl}/openid` });
      try {
        const r = await post(rig, token());
        expect(r.status).toBe(401);
        expect(r.body).toEqual({ ok: false, error: 'unauthorized' });
        expect((await rig.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
        expect(connector.received).toHaveLength(0);
      } finally {
        await rig.close();
      }
    });
  }

  it('an identity provider that cannot be reached gets 503 (try again), not 500, and changes nothing', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/openid`;
    await new Promise<void>((r) => closed.close(() => r()));
    const logs = new LogSink();
    const rig = await startTeamsRig(database, connector, { ...APP, ToBotFromChannelOpenIdMetadataUrl: deadUrl }, createLogger('info', logs));
    try {
      const r = await post(rig, rs256('k1', published.privateKey));
      expect(r.status).toBe(503);
      expect(JSON.stringify(r.body)).not.toContain('127.0.0.1');
      // Logged as an error (an operator is alerted), without the provider's address or the token.
      const line = await logs.waitFor('identity provider cannot be reached');
      expect(line.level).toBe(50);
      expect(JSON.stringify(logs.lines)).not.toMatch(/eyJ|Bearer/);
      expect((await rig.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
    } finally {
      await rig.close();
    }
  });
});
