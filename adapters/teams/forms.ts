// Card forms for Teams: which form a bare command or a button asks for, and how a submitted card
// becomes command text again, so the core's grammar and handlers validate it exactly as if typed.
// (Slack builds its modals in src/core/forms.ts in parallel; the two are meant to be unified.)
import type { FileConfig } from '../../src/config.js';
import type { Form, FormKind, Lang } from '../../src/core/model.js';
import type { Messages } from '../../src/i18n/index.js';
import type { Command } from '../../src/core/grammar.js';

/** The form a `*.form` command asks for, when Teams can offer one. */
export function formFor(command: Command, m: Messages, cfg: FileConfig): Form | null {
  switch (command.name) {
    case 'case.new.form':
      return {
        kind: 'case-new',
        title: m.forms.caseNew,
        submitLabel: m.forms.submit,
        fields: [
          { id: 'question', label: m.forms.question, kind: 'longtext' },
          { id: 'groups', label: m.forms.groups, kind: 'multiselect', optional: true, options: Object.entries(cfg.targetGroups).map(([value, label]) => ({ value, label })) },
          { id: 'consent', label: m.forms.consent, kind: 'radio', initial: 'okänt', options: Object.keys(m.consent).map((value) => ({ value, label: m.consent[value] })) },
        ],
      };
    case 'step.add.form':
      return {
        kind: 'step-new',
        title: command.code ? `${m.forms.stepNew} – ${command.code}` : m.forms.stepNew,
        submitLabel: m.forms.submit,
        fields: [
          ...(command.code ? [] : [{ id: 'code', label: m.forms.code, kind: 'text' as const }]),
          { id: 'owner', label: m.forms.owner, kind: 'member' },
          { id: 'due', label: m.forms.due, kind: 'date' },
          { id: 'text', label: m.forms.text, kind: 'longtext' },
        ],
        hidden: command.code ? { code: command.code } : {},
      };
    default:
      return null;
  }
}

// The command words in the user's language, so the reply comes back in it too.
const VERBS = {
  sv: { caseNew: 'ärende ny', stepNew: 'åtgärd ny', handoverNew: 'överlämning ny', handoverReply: 'överlämning svar', caseClose: 'ärende avsluta', by: 'senast', group: 'grupp', consent: 'samtycke' },
  en: { caseNew: 'case new', stepNew: 'step add', handoverNew: 'handover new', handoverReply: 'handover reply', caseClose: 'case close', by: 'by', group: 'group', consent: 'consent' },
};

export type FormValues = Record<string, string>;

/** Turns a submitted card into command text, or names the required fields left empty. */
export function commandFromForm(kind: FormKind, values: FormValues, hidden: Record<string, string>, m: Messages, lang: Lang): { text: string } | { missing: string[] } {
  const verb = VERBS[lang];
  const v = (k: string) => (hidden[k] ?? values[k] ?? '').replace(/\s+/g, ' ').trim();
  const need = (pairs: [string, string][]) => pairs.filter(([k]) => !v(k)).map(([, label]) => label);
  // People come from the people picker as an Entra object id; a typed `@…` is kept as written.
  const person = (k: string) => (v(k).startsWith('@') ? v(k).split(' ')[0] : `@teams:${v(k).split(' ')[0]}`);
  switch (kind) {
    case 'case-new': {
      const missing = need([['question', m.forms.question]]);
      if (missing.length) return { missing };
      const groups = v('groups').split(',').map((g) => g.trim()).filter(Boolean);
      const consent = v('consent');
      return { text: [verb.caseNew, groups.length ? `${verb.group}:${groups.join(',')}` : '', consent ? `${verb.consent}:${consent}` : '', v('question')].filter(Boolean).join(' ') };
    }
    case 'step-new': {
      const missing = need([['code', m.forms.code], ['owner', m.forms.owner], ['due', m.forms.due], ['text', m.forms.text]]);
      if (missing.length) return { missing };
      return { text: `${verb.stepNew} ${v('code')} ${person('owner')} ${v('due')} ${v('text')}` };
    }
    case 'case-close': {
      const missing = need([['code', m.forms.code], ['outcome', m.forms.outcome]]);
      if (missing.length) return { missing };
      return { text: `${verb.caseClose} ${v('code')} ${v('outcome')}` };
    }
    case 'handover-new': {
      const missing = need([['template', m.forms.template], ['code', m.forms.code], ['to', m.forms.receiver]]);
      if (missing.length) return { missing };
      return { text: `${verb.handoverNew} ${v('template')} ${v('code')} ${person('to')}${v('due') ? ` ${verb.by} ${v('due')}` : ''}` };
    }
    case 'handover-reply': {
      const id = v('id');
      const fields = Object.keys(values).filter((k) => k !== 'id' && v(k));
      if (!id || !fields.length) return { missing: [m.forms.handoverReply] };
      return { text: `${verb.handoverReply} ${id} ${fields.map((k) => `${k}=${v(k)}`).join(' ')}` };
    }
  }
}
