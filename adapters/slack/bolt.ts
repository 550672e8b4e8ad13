// Bolt's App and HTTPReceiver without the parts HTTP mode never uses. `@slack/bolt`'s index loads every
// receiver (Express, AWS Lambda, Socket Mode with its WebSocket client) and `@slack/oauth`; App.js
// itself still requires the Socket Mode receiver and HTTPReceiver requires `@slack/oauth`, but each
// touches them only when Socket Mode or OAuth is configured. Those two modules are registered here
// as stand-ins that load the real module on first use, so HTTP mode never pays for them.
import { createRequire, Module } from 'node:module';
import type * as BoltTypes from '@slack/bolt';

const require = createRequire(import.meta.url);

/** Puts a stand-in for `id` into require's cache; the real module is loaded when a property is read. */
function deferModule(id: string): void {
  const path = require.resolve(id);
  if (require.cache[path]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete require.cache[path];
      real = require(path) as Record<string | symbol, unknown>;
    }
    return real;
  };
  const stub = new Module(path) as Module & { loaded: boolean; filename: string };
  stub.filename = path;
  stub.loaded = true;
  // `__esModule` is answered without loading: TypeScript's interop helpers read it at require time.
  stub.exports = new Proxy({}, { get: (_t, k) => (k === '__esModule' ? true : load()[k]), has: (_t, k) => k in load() });
  require.cache[path] = stub as unknown as NodeJS.Module;
}

deferModule('@slack/bolt/dist/receivers/SocketModeReceiver.js');
deferModule('@slack/oauth');

export const App = (require('@slack/bolt/dist/App.js') as { default: typeof BoltTypes.App }).default;
export const HTTPReceiver = (require('@slack/bolt/dist/receivers/HTTPReceiver.js') as { default: typeof BoltTypes.HTTPReceiver }).default;

/** Socket Mode, loaded only when SLACK_APP_TOKEN asks for it. */
export async function socketModeReceiver(): Promise<typeof BoltTypes.SocketModeReceiver> {
  return (require('@slack/bolt/dist/receivers/SocketModeReceiver.js') as { default: typeof BoltTypes.SocketModeReceiver }).default;
}
