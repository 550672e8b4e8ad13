// The ceiling: the same work as Samråd's `ärende ny`, written by hand on Bolt and postgres.js — ack,
// who the person is (users.info, cached; the member row once), the forum of the channel (cached),
// then ONE statement that bumps the forum's counter and inserts the case, its audit line and its
// outbox row (already claimed), the post to the channel, and the outbox row marked sent. Nothing
// else: no grammar, no guards, no access rules. Run as its own process, like bench/bare-bolt.mjs.
import { createServer } from 'node:http';
import bolt from '@slack/bolt';
import postgres from 'postgres';

const { App, HTTPReceiver, LogLevel } = bolt;
const port = Number(process.env.PORT ?? 3000);
const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
const app = new App({ token: process.env.SLACK_BOT_TOKEN, receiver, clientOptions: { slackApiUrl: process.env.SLACK_API_URL }, logLevel: LogLevel.ERROR, deferInitialization: true });
await app.init();

const members = new Map();
const forums = new Map();
const ORGS = { 'arbetsformedlingen.se': 'af', 'helsingborg.se': 'helsingborg' };

async function member(client, userId) {
  let m = members.get(userId);
  if (!m) {
    m = (async () => {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const email = user.profile.email.toLowerCase();
      const org = ORGS[email.split('@')[1]];
      const [row] = await sql`insert into members (platform, external_id, email, display_name, organisation_key)
        values ('slack', ${userId}, ${email}, ${user.profile.display_name}, ${org})
        on conflict (platform, external_id) do update set email = excluded.email returning id, organisation_key`;
      return row;
    })();
    members.set(userId, m);
  }
  return m;
}

async function forum(channel) {
  let f = forums.get(channel);
  if (!f) {
    f = sql`select key, prefix, name from forums where channel_platform = 'slack' and channel_id = ${channel}`.then((r) => r[0]);
    forums.set(channel, f);
  }
  return f;
}

app.command(/^\/forum/, async ({ ack, command, client }) => {
  await ack();
  const [m, f] = await Promise.all([member(client, command.user_id), forum(command.channel_id)]);
  const match = /^ärende ny grupp:(\S+) samtycke:(\S+) (.+)$/u.exec(command.text);
  const now = new Date();
  const year = now.getFullYear();
  const target = { kind: 'channel', platform: 'slack', channelId: command.channel_id };
  const payload = { tone: 'success', summary: '@@CODE@@', blocks: [{ type: 'text', text: `Ärende @@CODE@@ registrerat i ${f.name}.` }, { type: 'fields', fields: [{ label: 'Målgrupp', value: match[1] }, { label: 'Samtycke', value: match[2] }] }] };
  const [row] = await sql`
    with n as (
      insert into case_counters (forum_key, year, last) values (${f.key}, ${year}, 1)
      on conflict (forum_key, year) do update set last = case_counters.last + 1 returning last
    ), c as (
      insert into case_items (code, forum_key, raised_by, organisation_key, target_groups, consent, question, created_at)
      select ${f.prefix} || '-' || ${year} || '-' || case when n.last < 1000 then lpad(n.last::text, 3, '0') else n.last::text end, ${f.key}, ${m.id}, ${m.organisation_key}, ${sql.json([match[1]])}, ${match[2]}, ${match[3]}, ${now} from n
      returning code
    ), a as (
      insert into audit_log (at, actor_id, actor_organisation_key, action, forum_key, case_code)
      select ${now}, ${m.id}, ${m.organisation_key}, 'case.create', ${f.key}, c.code from c
    )
    insert into outbox (key, target, payload, case_code, status, attempts, next_attempt_at, locked_until, created_at)
    select 'case.new:' || c.code, ${sql.json(target)}, replace(${JSON.stringify(payload)}, '@@CODE@@', c.code)::jsonb, c.code, 'sending', 1, ${now}, ${new Date(now.getTime() + 60_000)}, ${now} from c
    returning id, payload`;
  const res = await client.chat.postMessage({ channel: command.channel_id, text: row.payload.blocks[0].text });
  await sql`update outbox set status = 'sent', sent_at = ${new Date()}, sent_ref = ${sql.json({ ts: res.ts })}, locked_until = null where id = ${row.id}`;
});

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"ok":true}');
  }
  receiver.requestListener(req, res);
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => sql.end({ timeout: 5 }).then(() => process.exit(0))));
