import type * as Y from 'yjs';
import { createRecord, describeIssues, listRecords, updateRecord, type RecordInput, type RecordOf, type RecordPatch } from '../doc/records';
import { sameValue } from '../domain/review/diff';
import { effectiveSalience } from '../domain/stakeholders/salience';
import { nameMatchKey } from '../domain/names';
import { orderKeys } from '../doc/order';
import { FORMULA_START } from '../export/csv';
import { newRecordId } from '../ids';
import { matrixCellKey, RECORD_SCHEMAS, type CollectionName } from '../schema';

/**
 * Spreadsheet rows back into board records: the reverse of `../export/tables`,
 * so a table exported, edited in a spreadsheet and imported again comes back
 * as the same records. Pure: the caller parses the CSV and applies the result.
 */

export const IMPORT_TABLES = ['stakeholders', 'relationships', 'matrix'] as const;
export type ImportTableName = (typeof IMPORT_TABLES)[number];
/** More rows than this is refused: a board is for a partnership, not a database dump. */
export const MAX_IMPORT_ROWS = 5000;

export interface RowProblem {
  /** Line of the file as a spreadsheet numbers it: the header is row 1. */
  row: number;
  message: string;
}

export interface NewRecord {
  collection: CollectionName;
  record: Record<string, unknown>;
}

/** A record already on the board that a row matched: the fields the row changes. */
export interface RecordUpdate {
  collection: CollectionName;
  id: string;
  patch: Record<string, unknown>;
}

/** What importing a row will do, for the preview people check before applying. */
export interface RowOutcome {
  row: number;
  action: 'add' | 'update' | 'unchanged';
  /** The stakeholder's or matrix row's name, or "from → to" for a relationship. */
  label: string;
  /** Fields an update changes (for a matrix row, partner names whose level changes). */
  fields: string[];
}

export interface ImportSummary {
  imported: number;
  added: number;
  updated: number;
  unchanged: number;
}

export type ImportPlan =
  | ({ ok: true; records: NewRecord[]; updates: RecordUpdate[]; outcomes: RowOutcome[] } & ImportSummary)
  | { ok: false; error: string; rows: RowProblem[] };

/** What the board already holds that imported rows may refer to or match. */
export interface ImportContext {
  partners: { id: string; name: string }[];
  stakeholders: RecordOf<'stakeholders'>[];
  relationships: RecordOf<'relationships'>[];
  matrixRows: RecordOf<'matrixRows'>[];
  matrixCells: Map<string, RecordOf<'matrixCells'>>;
  takenIds: Set<string>;
  matrixOrderKeys: string[];
}

export function importContext(doc: Y.Doc): ImportContext {
  const read = <C extends CollectionName>(name: C): RecordOf<C>[] => listRecords(doc, name).map((r) => r.record);
  const partners = read('partners');
  const stakeholders = read('stakeholders');
  const relationships = read('relationships');
  const rows = read('matrixRows');
  return {
    partners,
    stakeholders,
    relationships,
    matrixRows: rows,
    matrixCells: new Map(read('matrixCells').map((c) => [c.id, c])),
    takenIds: new Set([...partners, ...stakeholders, ...relationships, ...rows].map((r) => r.id)),
    matrixOrderKeys: rows.map((r) => r.order),
  };
}

/**
 * The key a re-import matches records on (`nameMatchKey`, the one name rule).
 * Ids are matched first when the file has them; the key finds records whose id
 * column was dropped or that were typed in by hand.
 */
export const importMatchKey = nameMatchKey;

/**
 * Finds the record a row stands for: by id when the row's id is on the board,
 * else by match key. A key two records share is refused (which one?), and so
 * is a second row of the file standing for the same record.
 */
export function recordMatcher<T extends { id: string }>(existing: readonly T[], keyOf: (record: T) => string, what: string) {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byKey = new Map<string, T | null>();
  for (const record of existing) {
    const key = keyOf(record);
    byKey.set(key, byKey.has(key) ? null : record);
  }
  const claimed = new Map<string, number>();
  return (id: string | undefined, key: string, row: number): T | undefined => {
    let found = id ? byId.get(id.trim()) : undefined;
    if (!found) {
      const match = byKey.get(key);
      if (match === null) throw new RowError(`more than one ${what} on the board matches this row; give its id`);
      found = match;
    }
    const claimKey = found ? `id:${found.id}` : `key:${key}`;
    const earlier = claimed.get(claimKey);
    if (earlier !== undefined) throw new RowError(`the same ${what} as row ${earlier}; keep one row for it`);
    claimed.set(claimKey, row);
    return found;
  };
}

/** The fields of `next` whose value differs from the record's. */
function changedPatch(record: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key !== 'id' && !sameValue(record[key], value)) patch[key] = value;
  }
  return patch;
}

/** Undo the export's formula guard: `'=SUM(A1)` was `=SUM(A1)` on the board. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const norm = (name: string) => name.trim().toLowerCase();

export class RowError extends Error {}

type Cells = (column: string) => string | undefined;

function numberOf(text: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

function booleanOf(text: string): unknown {
  const t = norm(text);
  if (['true', 'yes', '1'].includes(t)) return true;
  if (['false', 'no', '0'].includes(t)) return false;
  return text;
}

/** Finds records by name, refusing a name two of them share. */
function nameIndex(items: { id: string; name: string }[]): (name: string) => string | undefined {
  const byName = new Map<string, string | null>();
  for (const item of items) {
    const key = norm(item.name);
    byName.set(key, byName.has(key) ? null : item.id);
  }
  return (name) => {
    const found = byName.get(norm(name));
    if (found === null) throw new RowError(`"${name}" names more than one record; use its id`);
    return found;
  };
}

/** Copy the non-empty cells of the given columns, converted. */
function fields(cells: Cells, columns: Record<string, 'text' | 'number' | 'boolean'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(columns)) {
    const text = cells(column);
    if (text === undefined || text === '') continue;
    out[column] = kind === 'number' ? numberOf(text) : kind === 'boolean' ? booleanOf(text) : text;
  }
  return out;
}

function validated(collection: CollectionName, record: Record<string, unknown>): Record<string, unknown> {
  const parsed = RECORD_SCHEMAS[collection].safeParse(record);
  if (!parsed.success) throw new RowError(describeIssues(parsed.error).join('; '));
  return record;
}

/** The row's id when it names nothing on the board or earlier in the file; otherwise a fresh one. */
function freshId(cells: Cells, taken: Set<string>): string {
  const id = cells('id')?.trim();
  const chosen = id && id.length <= 64 && !taken.has(id) ? id : newRecordId();
  taken.add(chosen);
  return chosen;
}

const STAKEHOLDER_COLUMNS = {
  name: 'text', organisation: 'text', sector: 'text', kind: 'text', power: 'number', interest: 'number',
  attitude: 'number', engagementCurrent: 'text', engagementTarget: 'text', saliencePower: 'boolean',
  salienceLegitimacy: 'boolean', salienceUrgency: 'boolean', ring: 'text', channel: 'text', frequency: 'text',
  nextContact: 'text', concerns: 'text', offers: 'text', notes: 'text',
} as const;

const MATRIX_COLUMNS = new Set(['row', 'category', 'group', 'required', 'best', 'gap']);

/** What the table's rows produce, filled row by row. */
interface PlanOutput {
  records: NewRecord[];
  updates: RecordUpdate[];
  outcomes: RowOutcome[];
}

interface TableRules {
  required: string[][];
  convert(cells: Cells, header: string[], context: ImportContext, out: PlanOutput, row: number): void;
}

/** Record the row's outcome: add, or update with a patch (unchanged when the patch is empty). */
function settle(out: PlanOutput, row: number, label: string, collection: CollectionName, existing: { id: string } | undefined, patch: Record<string, unknown>, create: () => Record<string, unknown>): void {
  if (!existing) {
    out.records.push({ collection, record: create() });
    out.outcomes.push({ row, action: 'add', label, fields: [] });
    return;
  }
  const fields = Object.keys(patch);
  if (fields.length) out.updates.push({ collection, id: existing.id, patch });
  out.outcomes.push({ row, action: fields.length ? 'update' : 'unchanged', label, fields });
}

function tableRules(table: ImportTableName, context: ImportContext): TableRules {
  const partnerByName = nameIndex(context.partners);
  switch (table) {
    case 'stakeholders': {
      const match = recordMatcher(context.stakeholders, (s) => importMatchKey(s.name), 'stakeholder');
      return {
        required: [['name']],
        convert(cells, _header, ctx, out, row) {
          const given = fields(cells, STAKEHOLDER_COLUMNS);
          // Without an owners column the owners are left as they are; an empty cell means nobody.
          if (cells('owners') !== undefined) {
            const owners = (cells('owners') ?? '').split(';').map((n) => n.trim()).filter(Boolean);
            given.ownerPartnerIds = owners.map((name) => {
              const id = partnerByName(name);
              if (!id) throw new RowError(`owners: no partner named "${name}" on this board`);
              return id;
            });
          }
          const existing = match(cells('id'), importMatchKey(String(given.name ?? '')), row);
          // A name that differs only in case or spaces is the same name: the board keeps its spelling.
          if (existing && importMatchKey(existing.name) === importMatchKey(String(given.name ?? ''))) delete given.name;
          validated('stakeholders', { ...(existing ?? {}), ...given, id: 'x' });
          if (existing) {
            // The export writes the salience a stakeholder shows; one that follows power and
            // interest (null) keeps following them when the file only repeats what it shows.
            const levels = { power: typeof given.power === 'number' ? given.power : existing.power, interest: typeof given.interest === 'number' ? given.interest : existing.interest };
            const shown = effectiveSalience({ ...existing, ...levels });
            for (const flag of ['saliencePower', 'salienceLegitimacy'] as const) {
              if (existing[flag] === null && given[flag] === shown[flag]) delete given[flag];
            }
          }
          const patch = existing ? changedPatch(existing, given) : {};
          settle(out, row, existing?.name ?? String(given.name), 'stakeholders', existing, patch, () => ({ ownerPartnerIds: [], ...given, id: freshId(cells, ctx.takenIds) }));
        },
      };
    }
    case 'relationships': {
      const ends = [...context.partners, ...context.stakeholders];
      const ids = new Set(ends.map((e) => e.id));
      const byName = nameIndex(ends);
      const end = (cells: Cells, column: 'from' | 'to'): string => {
        const id = cells(column)?.trim() ?? '';
        if (id && ids.has(id)) return id;
        const name = cells(`${column}Name`)?.trim() || id;
        const found = name ? byName(name) : undefined;
        if (!found) throw new RowError(`${column}: no stakeholder or partner ${name ? `"${name}"` : 'given'} on this board`);
        return found;
      };
      const nameOf = new Map(ends.map((e) => [e.id, e.name]));
      // A relationship is the same one when it joins the same two ends with the same type.
      const keyOf = (r: { from: string; to: string; type: string }) => `${r.from}\u0000${r.to}\u0000${importMatchKey(r.type)}`;
      const match = recordMatcher(context.relationships, keyOf, 'relationship');
      return {
        required: [['from', 'fromName'], ['to', 'toName']],
        convert(cells, _header, ctx, out, row) {
          const given = { ...fields(cells, { type: 'text', strength: 'number', direction: 'text' }), from: end(cells, 'from'), to: end(cells, 'to') };
          const checked = RECORD_SCHEMAS.relationships.safeParse({ ...given, id: 'x' });
          if (!checked.success) throw new RowError(describeIssues(checked.error).join('; '));
          const existing = match(cells('id'), keyOf(checked.data), row);
          const patch = existing ? changedPatch(existing, given) : {};
          const label = `${nameOf.get(given.from) ?? given.from} → ${nameOf.get(given.to) ?? given.to}`;
          settle(out, row, label, 'relationships', existing, patch, () => ({ ...given, id: freshId(cells, ctx.takenIds) }));
        },
      };
    }
    case 'matrix': {
      const match = recordMatcher(context.matrixRows, (r) => importMatchKey(r.name), 'matrix row');
      return {
        required: [['row'], ['category']],
        convert(cells, header, ctx, out, rowNumber) {
          const { row: name, ...rest } = fields(cells, { row: 'text', category: 'text', group: 'text', required: 'number' });
          const existing = match(undefined, importMatchKey(String(name ?? '')), rowNumber);
          const rowId = existing?.id ?? newRecordId();
          try {
            validated('matrixRows', { ...(existing ?? {}), ...rest, name, id: rowId, order: existing?.order ?? 'a0' });
          } catch (error) {
            // The export calls the row's name "row".
            throw error instanceof RowError ? new RowError(error.message.replace(/(^|; )name:/g, '$1row:')) : error;
          }
          const patch = existing ? changedPatch(existing, importMatchKey(existing.name) === importMatchKey(String(name ?? '')) ? rest : { ...rest, name }) : {};
          const changedPartners: string[] = [];
          const cellRecords: NewRecord[] = [];
          for (const column of header) {
            if (MATRIX_COLUMNS.has(column)) continue;
            const partnerId = partnerByName(column);
            const text = cells(column)?.trim() ?? '';
            if (!partnerId || text === '') continue;
            const level = /^(\d+)((?:\s+[GR])*)$/i.exec(text);
            if (!level) throw new RowError(`${column}: "${text}" is not a level like 2, 3 G or 1 G R`);
            const flags = level[2]!.toUpperCase();
            const id = matrixCellKey(rowId, partnerId);
            const cell = { id, rowId, partnerId, level: Number(level[1]), gives: flags.includes('G'), receives: flags.includes('R') };
            const parsed = RECORD_SCHEMAS.matrixCells.safeParse(cell);
            if (!parsed.success) throw new RowError(`${column}: ${describeIssues(parsed.error).join('; ')}`);
            const before = ctx.matrixCells.get(id);
            if (before) {
              const cellPatch = changedPatch(before, { level: cell.level, gives: cell.gives, receives: cell.receives });
              if (Object.keys(cellPatch).length) {
                out.updates.push({ collection: 'matrixCells', id, patch: cellPatch });
                changedPartners.push(column);
              }
            } else if (cell.level !== 0 || cell.gives || cell.receives) {
              cellRecords.push({ collection: 'matrixCells', record: cell });
              if (existing) changedPartners.push(column);
            }
          }
          settle(out, rowNumber, existing?.name ?? String(name), 'matrixRows', existing, patch, () => ({ ...rest, name, id: rowId, order: 'a0' }));
          out.records.push(...cellRecords);
          const outcome = out.outcomes.at(-1)!;
          if (existing && changedPartners.length) {
            outcome.action = 'update';
            outcome.fields.push(...changedPartners);
          }
        },
      };
    }
  }
}

/**
 * Turn a table's header and rows (cells as text) into the records to create,
 * or every problem found, each with its row. All or nothing: one bad row and
 * nothing is created.
 */
export function planImport(table: ImportTableName, header: string[], rows: string[][], context: ImportContext): ImportPlan {
  const columns = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const rules = tableRules(table, context);
  const missing = rules.required.filter((options) => !options.some((c) => columns.includes(c))).map((options) => options.join(' or '));
  if (missing.length) return { ok: false, error: `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, rows: [] };
  if (rows.length === 0) return { ok: false, error: 'The file has a header but no rows', rows: [] };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `At most ${MAX_IMPORT_ROWS} rows can be imported at once (this file has ${rows.length})`, rows: [] };
  const position = new Map<string, number>();
  columns.forEach((c, i) => position.has(c) || position.set(c, i));
  const taken = { ...context, takenIds: new Set(context.takenIds) };
  const out: PlanOutput = { records: [], updates: [], outcomes: [] };
  const problems: RowProblem[] = [];
  rows.forEach((cellsOfRow, index) => {
    const cells: Cells = (column) => {
      const i = position.get(column);
      const text = i === undefined ? undefined : cellsOfRow[i];
      return text === undefined ? undefined : unguardCell(text);
    };
    try {
      rules.convert(cells, columns, taken, out, index + 2);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      if (problems.length < 100) problems.push({ row: index + 2, message: error.message });
    }
  });
  if (problems.length) return { ok: false, error: 'Some rows are not valid; nothing was imported', rows: problems };
  const newRows = out.records.filter((r) => r.collection === 'matrixRows');
  const keys = orderKeys(newRows.length, context.matrixOrderKeys.reduce<string | null>((max, k) => (max === null || k > max ? k : max), null));
  newRows.forEach((r, i) => (r.record.order = keys[i]));
  const count = (action: RowOutcome['action']) => out.outcomes.filter((o) => o.action === action).length;
  return { ok: true, ...out, imported: rows.length, added: count('add'), updated: count('update'), unchanged: count('unchanged') };
}

/**
 * Create the planned records and update the matched ones in one transaction,
 * so everyone connected sees the import arrive at once.
 */
export function applyImport(doc: Y.Doc, plan: { records: readonly NewRecord[]; updates?: readonly RecordUpdate[] }, origin: unknown = null): void {
  doc.transact(() => {
    for (const { collection, record } of plan.records) createRecord(doc, collection, record as RecordInput<typeof collection>, origin);
    for (const { collection, id, patch } of plan.updates ?? []) updateRecord(doc, collection, id, patch as RecordPatch<typeof collection>, origin);
  }, origin);
}
