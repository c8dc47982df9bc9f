import type { SiteFixture } from './fixtures';

/**
 * The fixture's thread without its last message, as the page showed it before that message was written: the
 * last message's `role="listitem"` block is cut out of the Gmail list (SOURCES.md of the Gmail fixtures, "Where
 * things are on the page"), and the expected capture loses it too. Throws when the markup is not where that
 * page puts it, rather than serve a page that is not what the test thinks.
 */
export function gmailWithoutLastMessage(fixture: SiteFixture): SiteFixture {
  if (fixture.site !== 'gmail') throw new Error(`gmailWithoutLastMessage takes a Gmail fixture, not ${fixture.site}`);
  const last = fixture.expected.messages.at(-1);
  if (!last?.id || fixture.expected.messages.length < 2) throw new Error(`${fixture.name}: no last message with an id`);
  const at = fixture.html.indexOf(`data-legacy-message-id="${last.id}"`);
  const start = fixture.html.lastIndexOf('<div class="h7 ', at);
  // The list closes right before the thread's Reply / Forward bar.
  const end = fixture.html.indexOf('</div>\n<div class="nH"><div class="amn">', at);
  if (at < 0 || start < 0 || end < 0)
    throw new Error(`${fixture.name}: the last message's markup is not where expected`);
  return {
    ...fixture,
    name: `${fixture.name}-without-last`,
    html: fixture.html.slice(0, start) + fixture.html.slice(end),
    expected: { ...fixture.expected, messages: fixture.expected.messages.slice(0, -1) },
  };
}
