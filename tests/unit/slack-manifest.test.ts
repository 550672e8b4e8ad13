// The shipped Slack manifest matches what the adapter expects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/index.js';

const manifest = parse(readFileSync(new URL('../../slack/manifest.yaml', import.meta.url), 'utf8'));

describe('slack/manifest.yaml', () => {
  it('has /forum with escaped mentions and every URL on /slack/events', () => {
    const [forum] = manifest.features.slash_commands;
    expect(forum).toMatchObject({ command: '/forum', should_escape: true });
    for (const url of [forum.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for the scopes the adapter uses, App Home and its event', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email']));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });
});
