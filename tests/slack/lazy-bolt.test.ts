// HTTP mode loads Bolt's App and HTTPReceiver only: no Socket Mode client (WebSocket), no OAuth
// installer, no Express. Checked in a fresh process, whose module cache holds only what it loaded.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const script = `
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
const api = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' })); });
await new Promise((r) => api.listen(0, '127.0.0.1', r));
const { createSlackAdapter } = await import('./adapters/slack/index.ts');
const { createLogger } = await import('./src/log.ts');
const core = { handle: async () => ({ ok: true, outboxIds: [] }) };
const slack = await createSlackAdapter({ core, logger: createLogger('silent'), botToken: 'xoxb-test', signingSecret: 's', apiUrl: 'http://127.0.0.1:' + api.address().port + '/api/', defaultLang: 'sv' });
const loaded = Object.keys(createRequire(import.meta.url).cache);
const has = (part) => loaded.some((k) => k.includes(part));
process.stdout.write(JSON.stringify({ routes: slack.routes.length, socketMode: has('/@slack/socket-mode/'), oauth: has('/@slack/oauth/dist/install-provider'), express: has('/node_modules/express/') }));
await slack.stop();
api.close();
`;

describe('Slack in HTTP mode', () => {
  it('serves /slack/events without loading Socket Mode, OAuth or Express', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ routes: 1, socketMode: false, oauth: false, express: false });
  });
});
