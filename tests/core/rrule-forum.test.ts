// A forum whose cadence is an RRULE with a summer pause, from the config to the chat and the feed (issue 17).
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { forumIcs } from '../../src/http/calendar.js';
import { plannedMeetings } from '../../src/core/schedule.js';
import { messages } from '../../src/i18n/index.js';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';

function ruleConfig(): FileConfig {
  const cfg = loadFileConfig();
  cfg.calendar = { terms: [], pauses: [{ key: 'sommar', name: 'Sommaruppehåll', from: '06-22', to: '08-09' }] };
  cfg.forums = cfg.forums.map((f) =>
    f.key === 'arendeforum-unga'
      ? { ...f, cadence: { rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH', anchor: '2026-01-01', time: '13:00', durationMinutes: 90, pauses: ['sommar'] } }
      : f,
  );
  return cfg;
}

const { bot } = useTestBot({ config: ruleConfig() });

describe('a forum meeting the first and third Thursday, not in summer', () => {
  it('names the first Thursday of December when linked, then the third', async () => {
    expect(await bot.say(ANNA, 'koppla arendeforum-unga')).toContain('torsdag 2026-12-03 kl. 13:00');
    await bot.say(ANNA, 'möte ställ in');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Nästa möte: torsdag 2026-12-17 kl. 13:00.');
    expect(await bot.say(KARIN, 'dagordning')).toContain('torsdag 2026-12-17 kl. 13:00');
  });

  it('has no meeting between midsommar and August, and two in every other month', async () => {
    const forum = (await bot.store.forums.byKey('arendeforum-unga'))!;
    const list = plannedMeetings(forum, [], '2027-01-01', '2027-12-31').map((m) => m.scheduledDate);
    expect(list.filter((d) => d >= '2027-06-22' && d <= '2027-08-09')).toEqual([]);
    expect(list).toHaveLength(2 * 12 - 3); // July's two and the 5 August meeting fall in the pause
  });

  it('refuses a move past the next meeting of the rule, three weeks on', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    bot.clock.set('2026-12-04T10:00:00+01:00');
    // Next: Thu 17 Dec (3rd Thursday); the one after, Thu 7 Jan 2027, three weeks later.
    expect(await bot.say(ANNA, 'möte flytta 2027-01-08')).toMatch(/^2027-01-08 ligger på eller efter nästa ordinarie möte \(torsdag 2027-01-07/);
    expect(await bot.store.meetings.between('arendeforum-unga', '2026-01-01', '2027-12-31')).toEqual([]);
  });

  it('carries the rule in the calendar feed, with the events expanded', async () => {
    const forum = (await bot.store.forums.byKey('arendeforum-unga'))!;
    const ics = forumIcs(forum, plannedMeetings(forum, [], '2026-12-01', '2027-01-31'), messages('sv'));
    expect(ics).toContain('\r\nX-SAMRAD-RRULE:FREQ=MONTHLY;BYDAY=1TH,3TH\r\nX-SAMRAD-PAUSE:06-22/08-09\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  });
});
