// App Home's links section: under the person's own work, the pages they may open in the browser
// (`sida lista`): their own list, and the forum page of each forum they coordinate. Each button makes
// its link only when pressed (`mina länk`, `sida <forumnyckel>`); the link comes as a direct
// message, seen by that person only. Listing mints nothing, and a link never opens more than its forum.
import type { types } from '@slack/bolt';
import type { Identity, Lang } from '../../src/core/model.js';
import type { Samrad } from '../../src/core/samrad.js';
import { VIEW_BLOCKS } from './pages.js';
import { toBlocks } from './render.js';

type KnownBlock = types.KnownBlock;

/** The section's blocks (a divider first), or none when the person may open no page (unknown organisation). */
export async function pageLinkBlocks(core: Samrad, identity: Identity, userId: string, lang: Lang): Promise<KnownBlock[]> {
  const reply = await core.run({ identity, channel: { platform: 'slack', id: userId, direct: true } }, { name: 'page.list' }, lang);
  if (!reply.ok || !reply.message) return [];
  return [{ type: 'divider' }, ...toBlocks(reply.message)];
}

/** The home view with the links section after the person's list, within the 100 blocks a view holds. */
export function withPageLinks(view: types.HomeView, links: KnownBlock[]): types.HomeView {
  if (!links.length) return view;
  return { ...view, blocks: [...view.blocks.slice(0, VIEW_BLOCKS - links.length), ...links] };
}
