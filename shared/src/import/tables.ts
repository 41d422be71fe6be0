import type * as Y from 'yjs';
import { createRecord, describeIssues, listRecords, type RecordInput, type RecordOf } from '../doc/records';
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

export type ImportPlan = { ok: true; records: NewRecord[]; imported: number } | { ok: false; error: string; rows: RowProblem[] };

/** What the board already holds that imported rows may refer to. */
export interface ImportContext {
  partners: { id: string; name: string }[];
  stakeholders: { id: string; name: string }[];
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
    takenIds: new Set([...partners, ...stakeholders, ...relationships, ...rows].map((r) => r.id)),
    matrixOrderKeys: rows.map((r) => r.order),
  };
}

/** Undo the export's formula guard: `'=SUM(A1)` was `=SUM(A1)` on the board. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const norm = (name: string) => name.trim().toLowerCase();

class RowError extends Error {}

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

interface TableRules {
  required: string[][];
  convert(cells: Cells, header: string[], context: ImportContext, out: NewRecord[]): void;
}

function tableRules(table: ImportTableName, context: ImportContext): TableRules {
  const partnerByName = nameIndex(context.partners);
  switch (table) {
    case 'stakeholders':
      return {
        required: [['name']],
        convert(cells, _header, ctx, out) {
          const owners = (cells('owners') ?? '').split(';').map((n) => n.trim()).filter(Boolean);
          const ownerPartnerIds = owners.map((name) => {
            const id = partnerByName(name);
            if (!id) throw new RowError(`owners: no partner named "${name}" on this board`);
            return id;
          });
          const record = { ...fields(cells, STAKEHOLDER_COLUMNS), ownerPartnerIds, id: '' };
          validated('stakeholders', { ...record, id: 'x' });
          record.id = freshId(cells, ctx.takenIds);
          out.push({ collection: 'stakeholders', record });
        },
      };
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
      return {
        required: [['from', 'fromName'], ['to', 'toName']],
        convert(cells, _header, ctx, out) {
          const record = { ...fields(cells, { type: 'text', strength: 'number', direction: 'text' }), from: end(cells, 'from'), to: end(cells, 'to') };
          validated('relationships', { ...record, id: 'x' });
          out.push({ collection: 'relationships', record: { ...record, id: freshId(cells, ctx.takenIds) } });
        },
      };
    }
    case 'matrix':
      return {
        required: [['row'], ['category']],
        convert(cells, header, _ctx, out) {
          const { row: name, ...rest } = fields(cells, { row: 'text', category: 'text', group: 'text', required: 'number' });
          const rowId = newRecordId();
          let record: Record<string, unknown>;
          try {
            record = validated('matrixRows', { ...rest, name, id: rowId, order: 'a0' });
          } catch (error) {
            // The export calls the row's name "row".
            throw error instanceof RowError ? new RowError(error.message.replace(/(^|; )name:/g, '$1row:')) : error;
          }
          out.push({ collection: 'matrixRows', record });
          for (const column of header) {
            if (MATRIX_COLUMNS.has(column)) continue;
            const partnerId = partnerByName(column);
            const text = cells(column)?.trim() ?? '';
            if (!partnerId || text === '') continue;
            const match = /^(\d+)((?:\s+[GR])*)$/i.exec(text);
            if (!match) throw new RowError(`${column}: "${text}" is not a level like 2, 3 G or 1 G R`);
            const flags = match[2]!.toUpperCase();
            const cell = { id: matrixCellKey(rowId, partnerId), rowId, partnerId, level: Number(match[1]), gives: flags.includes('G'), receives: flags.includes('R') };
            if (cell.level === 0 && !cell.gives && !cell.receives) continue;
            const parsed = RECORD_SCHEMAS.matrixCells.safeParse(cell);
            if (!parsed.success) throw new RowError(`${column}: ${describeIssues(parsed.error).join('; ')}`);
            out.push({ collection: 'matrixCells', record: cell });
          }
        },
      };
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
  const records: NewRecord[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((cellsOfRow, index) => {
    const cells: Cells = (column) => {
      const i = position.get(column);
      const text = i === undefined ? undefined : cellsOfRow[i];
      return text === undefined ? undefined : unguardCell(text);
    };
    try {
      rules.convert(cells, columns, taken, records);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      if (problems.length < 100) problems.push({ row: index + 2, message: error.message });
    }
  });
  if (problems.length) return { ok: false, error: 'Some rows are not valid; nothing was imported', rows: problems };
  const newRows = records.filter((r) => r.collection === 'matrixRows');
  const keys = orderKeys(newRows.length, context.matrixOrderKeys.reduce<string | null>((max, k) => (max === null || k > max ? k : max), null));
  newRows.forEach((r, i) => (r.record.order = keys[i]));
  return { ok: true, records, imported: rows.length };
}

/** Create the planned records in one transaction, so everyone connected sees them arrive together. */
export function applyImport(doc: Y.Doc, records: readonly NewRecord[], origin: unknown = null): void {
  doc.transact(() => {
    for (const { collection, record } of records) createRecord(doc, collection, record as RecordInput<typeof collection>, origin);
  }, origin);
}
