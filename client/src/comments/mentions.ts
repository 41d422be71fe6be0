/**
 * `@` mentions in comment text. Names may hold spaces ("@Ada Lovelace"), so a
 * mention is the longest name of a known person right after an `@` that is at
 * the start or follows a space.
 */

/** Names mentioned in `text`, as spelt in `people`, each once, in order of appearance. */
export function parseMentions(text: string, people: readonly string[]): string[] {
  const names = [...new Set(people.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
    if (i > 0 && !/\s|[([]/.test(text[i - 1]!)) continue;
    const rest = text.slice(i + 1);
    const name = names.find((n) => rest.toLowerCase().startsWith(n.toLowerCase()) && !/[\p{L}\p{N}]/u.test(rest[n.length] ?? ''));
    if (name && !found.includes(name)) found.push(name);
  }
  return found;
}

/** The mention being typed at the caret: the text after its `@` (may be empty), or null when not in one. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || (at > 0 && !/\s|[([]/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/** People whose name starts with (then contains) the query, at most `limit`. */
export function suggestPeople(query: string, people: readonly string[], limit = 6): string[] {
  const q = query.trim().toLowerCase();
  const unique = [...new Set(people.filter(Boolean))];
  const starts = unique.filter((p) => p.toLowerCase().startsWith(q));
  const contains = unique.filter((p) => !starts.includes(p) && p.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** Replace the mention being typed with the chosen name; returns the new text and caret. */
export function insertMention(text: string, caret: number, start: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
