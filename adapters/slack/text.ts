// Slack's text conventions. A slash command with `should_escape: true` arrives with mentions as
// `<@U123|name>`, links as `<url|label>` and &, <, > escaped; the core wants plain text with
// mentions as resolvable `@U123` tokens. Outgoing mrkdwn must escape the same three characters so
// free text can never ping a channel (`<!channel>`) or forge a link.

/** Slack's escaped command text → plain text for the core, with `<@U123|name>` → `@U123`. */
export function fromSlackText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!([a-z]+)(?:\^[^|>]*)?(?:\|[^>]*)?>/g, '@$1')
    // mailto:, tel:, http(s): — keep what the person sees (the label), so the PII guard reads it too.
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]*)\|([^>]*)>/gi, '$2')
    .replace(/<([a-z][a-z0-9+.-]*:[^>]*)>/gi, (_m, url: string) => url.replace(/^(mailto|tel):/i, ''))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Escapes text for Slack mrkdwn and plain-text fallbacks. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to Slack's field limits, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
