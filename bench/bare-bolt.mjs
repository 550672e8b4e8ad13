// The floor: a bare Bolt app on the same HTTPReceiver, mounted on a node server the way Samråd mounts
// it, that only acknowledges `/forum …`. Plain JavaScript (no compile step), like Samråd's dist/.
import { createServer } from 'node:http';
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;
const port = Number(process.env.PORT ?? 3000);
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
const app = new App({ token: process.env.SLACK_BOT_TOKEN, receiver, clientOptions: { slackApiUrl: process.env.SLACK_API_URL }, logLevel: LogLevel.ERROR, deferInitialization: true });
await app.init();
app.command(/^\/forum/, async ({ ack }) => {
  await ack();
});
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"ok":true}');
  }
  receiver.requestListener(req, res);
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
