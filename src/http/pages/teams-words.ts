// What the Teams tab pages say (the configuration page of the channel tab, the personal tab's set-up).
import type { Lang } from '../../core/model.js';

const sv = {
  configTitle: 'Samråd som flik',
  configIntro: 'Fliken visar forumsidan (eller styrgruppens översikt) för alla i kanalen. Klistra in länken som forumets samordnare får med kommandot sida (eller rapport länk för översikten).',
  linkLabel: 'Länk från sida eller rapport länk',
  check: 'Kontrollera länken',
  forumOk: (name: string) => `Länken öppnar forumsidan för ${name}. Välj Spara för att lägga till fliken.`,
  dashboardOk: 'Länken öppnar styrgruppens översikt (bara antal). Välj Spara för att lägga till fliken.',
  badLink: 'Länken fungerar inte: den är felskriven, återkallad eller av fel slag. Be forumets samordnare om en ny med sida.',
  dashboardName: 'Uppföljning',
  mineTitle: 'Mina åtgärder och överlämningar',
  mineIntro: 'Fliken visar dina egna öppna åtgärder och överlämningar. Skriv mina länk till Samråd i en chatt och klistra in länken här en gång; den sparas bara i din Teams.',
  mineLabel: 'Länk från mina länk',
  mineOpen: 'Öppna',
  mineBad: 'Länken fungerar inte längre. Skriv mina länk till Samråd för en ny.',
  mineForget: 'Glöm länken på den här enheten',
};

const en: typeof sv = {
  configTitle: 'Samråd as a tab',
  configIntro: 'The tab shows the forum page (or the steering group’s dashboard) to everyone in the channel. Paste the link the forum’s coordinator gets with the page command (or report link for the dashboard).',
  linkLabel: 'Link from page or report link',
  check: 'Check the link',
  forumOk: (name: string) => `The link opens the forum page of ${name}. Choose Save to add the tab.`,
  dashboardOk: 'The link opens the steering group’s dashboard (counts only). Choose Save to add the tab.',
  badLink: 'The link does not work: it is mistyped, revoked or of the wrong kind. Ask the forum’s coordinator for a new one with page.',
  dashboardName: 'Follow-up',
  mineTitle: 'My next steps and handovers',
  mineIntro: 'The tab shows your own open next steps and handovers. Write mine link to Samråd in a chat and paste the link here once; it is kept only in your Teams.',
  mineLabel: 'Link from mine link',
  mineOpen: 'Open',
  mineBad: 'The link no longer works. Write mine link to Samråd for a new one.',
  mineForget: 'Forget the link on this device',
};

export type TabWords = typeof sv;
export const tabWords = (lang: Lang): TabWords => (lang === 'en' ? en : sv);
