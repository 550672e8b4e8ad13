// Who may start a handover loop and who may receive it: a template's `from` and `to` are one
// organisation, one of several (`[gislaved, gnosjo, vaggeryd, varnamo]`: the receiver is chosen among
// them; a sub-organisation counts where its parent is named), or a role (`{ role: … }`, roles.ts).
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { belongsTo } from '../parties.js';
import { orgNames } from '../render.js';
import { holdsRole, roleName } from '../roles.js';
import { sideKeys, type HandoverTemplateConfig } from '../settings.js';
import { sideRole, type Side } from '../settings-roles.js';
import type { ForumRow, MemberRow } from '../stores.js';

/** Whether a person is on this side of a template. */
export function onSide(h: Pick<HandlerContext, 'config'>, side: Side, who: Pick<MemberRow, 'id' | 'email' | 'externalId' | 'organisationKey'> & { groups?: string[] | null }, forum: ForumRow | null): boolean {
  const role = sideRole(side);
  return role ? holdsRole(h.config, role, who, forum) : belongsTo(h.config, who.organisationKey, sideKeys(side));
}

function sideName(h: Pick<HandlerContext, 'config' | 'm'>, side: Side): string {
  const role = sideRole(side);
  return role ? roleName(h.config, role, h.m.members.roleCoordinator) : orgNames(h.config, sideKeys(side));
}

export function requireSender(h: HandlerContext, tpl: HandoverTemplateConfig, forum: ForumRow): void {
  if (onSide(h, tpl.from, { ...h.member, organisationKey: h.organisation.key, groups: h.groups }, forum)) return;
  if (sideRole(tpl.from)) throw new UserError('handoverNotRole', { template: tpl.name, role: sideName(h, tpl.from) });
  throw new UserError('handoverNotSender', { template: tpl.name, org: sideName(h, tpl.from) });
}

export function requireReceiver(h: HandlerContext, tpl: HandoverTemplateConfig, forum: ForumRow, receiver: MemberRow): void {
  if (onSide(h, tpl.to, receiver, forum)) return;
  if (sideRole(tpl.to)) throw new UserError('handoverWrongRole', { template: tpl.name, role: sideName(h, tpl.to) });
  throw new UserError('handoverWrongReceiver', { template: tpl.name, org: sideName(h, tpl.to) });
}
