// Whose language a message is in (issue 18): the answer to a command is in the language of the person
// who typed it, but a channel post is in the forum's language (its `language`, else the configured one)
// and a direct message in its receiver's own language — never in the last typer's.
import type { FileConfig } from './settings.js';
import type { MemberRow } from './stores.js';
import { messages, type Messages } from '../i18n/index.js';
import { chooseLang } from './lang.js';
import type { Lang } from './model.js';
import { forumLanguage } from './meeting/protokoll-load.js';

export function personLang(cfg: FileConfig, member: Pick<MemberRow, 'language'> | null | undefined): Lang {
  return chooseLang(cfg.language, member?.language);
}

/** The texts for a direct message to `member`. */
export function personM(cfg: FileConfig, member: Pick<MemberRow, 'language'> | null | undefined): Messages {
  return messages(personLang(cfg, member));
}

/** The texts for a post in the channel of forum `forumKey`. */
export function channelM(cfg: FileConfig, forumKey: string): Messages {
  return messages(forumLanguage(cfg, forumKey));
}

/**
 * The handler context as the forum's channel hears it: texts and button commands in the forum's
 * language. Build what goes to the channel with it; answer the typer with the original `h`.
 */
export function inChannelOf<H extends { config: FileConfig; m: Messages; lang: Lang }>(h: H, forumKey: string): H {
  const lang = forumLanguage(h.config, forumKey);
  return lang === h.lang ? h : { ...h, m: messages(lang), lang };
}
