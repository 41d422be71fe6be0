/**
 * When two names stand for the same thing: the one rule a CSV re-import matches
 * records by and "Add as prospective partner" warns by. Case, the composed form
 * of accents and runs of spaces are ignored ("Health  board " is "health board").
 */
export function nameMatchKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether two names are the same by `nameMatchKey` (an empty name matches nothing). */
export function sameName(a: string, b: string): boolean {
  const key = nameMatchKey(a);
  return key !== '' && key === nameMatchKey(b);
}

/** The first record whose name is the same as `name`, if any. */
export function findByName<T extends { name: string }>(records: Iterable<T>, name: string): T | undefined {
  for (const record of records) if (sameName(record.name, name)) return record;
  return undefined;
}
