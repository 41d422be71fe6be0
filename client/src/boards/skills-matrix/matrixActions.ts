/**
 * Every write the matrix makes, through the shared accessors with the caller's
 * origin (the session's localOrigin), so undo stays per-user.
 *
 * Conflict model: each cell is its own record keyed `${rowId}:${partnerId}`, and
 * each field of a record is its own Y.Map key, so two people editing different
 * cells, or different fields of one row, never overwrite each other.
 */
import * as Y from 'yjs';
import { PARTNERSHIP_STAGES, createMissingCells, createRecord, deleteMatrixRow, getCollection, matrixCellKey, readRecord, updateRecord, type MatrixCell, type MatrixRow, type Partner, toSkillLevel } from '@pc/shared';
import { promoteStakeholder } from '../partners/partnerActions';
import { moveRowOrderKey, newRowOrderKey, type MoveDirection } from './model/rowMoves';
import { normaliseGroupName, type MatrixCategory } from './model/rowOrder';
import { starterRowsToAdd } from './model/starterRows';
import type { DocTarget } from '../../lib/docTarget';

type CellPatch = Partial<Pick<MatrixCell, 'level' | 'gives' | 'receives' | 'note'>>;

/**
 * Write some fields of one cell, creating its record on first write. Nothing is
 * written when the row or the partner is gone (deleted by someone else a moment
 * ago): a cell of a missing column would only be debris.
 */
export function writeCell({ doc, localOrigin: origin }: DocTarget, rowId: string, partnerId: string, patch: CellPatch): void {
  if (!getCollection(doc, 'matrixRows').has(rowId) || !getCollection(doc, 'partners').has(partnerId)) return;
  const id = matrixCellKey(rowId, partnerId);
  doc.transact(() => {
    if (getCollection(doc, 'matrixCells').get(id) instanceof Y.Map) updateRecord(doc, 'matrixCells', id, patch, origin);
    else createRecord(doc, 'matrixCells', { id, rowId, partnerId, ...patch }, origin);
  }, origin);
}

export function setCellLevel({ doc, localOrigin: origin }: DocTarget, rowId: string, partnerId: string, level: number): void {
  writeCell({ doc, localOrigin: origin }, rowId, partnerId, { level: toSkillLevel(level) });
}

export function toggleCellFlag({ doc, localOrigin: origin }: DocTarget, rowId: string, partnerId: string, flag: 'gives' | 'receives'): void {
  const current = readRecord(doc, 'matrixCells', matrixCellKey(rowId, partnerId))?.record[flag] ?? false;
  writeCell({ doc, localOrigin: origin }, rowId, partnerId, { [flag]: !current });
}

export function setCellNote({ doc, localOrigin: origin }: DocTarget, rowId: string, partnerId: string, note: string): void {
  writeCell({ doc, localOrigin: origin }, rowId, partnerId, { note });
}

function allRows(doc: Y.Doc): MatrixRow[] {
  const rows: MatrixRow[] = [];
  getCollection(doc, 'matrixRows').forEach((_, id) => {
    const read = readRecord(doc, 'matrixRows', id);
    if (read) rows.push(read.record);
  });
  return rows;
}

export function addMatrixRow(
  { doc, localOrigin: origin }: DocTarget,
  input: { name: string; category: MatrixCategory; required?: number; group?: string },
): MatrixRow {
  let row: MatrixRow | undefined;
  doc.transact(() => {
    row = createRecord(
      doc,
      'matrixRows',
      {
        name: input.name,
        category: input.category,
        required: toSkillLevel(input.required ?? 2),
        group: (input.group ?? '').trim().replace(/\s+/g, ' '),
        order: newRowOrderKey(allRows(doc)),
      },
      origin,
    );
    // Its cells exist from the start, so concurrent first edits of one cell merge.
    createMissingCells(doc, { rowIds: [row.id] }, origin);
  }, origin);
  return row!;
}

export function updateMatrixRow(
  { doc, localOrigin: origin }: DocTarget,
  rowId: string,
  patch: Partial<Pick<MatrixRow, 'name' | 'category' | 'required' | 'group'>>,
): void {
  const clean = { ...patch };
  // A row changing category or group goes to the end of its new group.
  if (patch.category !== undefined || patch.group !== undefined) {
    const rows = allRows(doc).filter((row) => row.id !== rowId);
    Object.assign(clean, { order: newRowOrderKey(rows) });
  }
  updateRecord(doc, 'matrixRows', rowId, clean, origin);
}

/** Move a row one place up or down inside its group; false at the edge. */
export function moveMatrixRow({ doc, localOrigin: origin }: DocTarget, rowId: string, direction: MoveDirection): boolean {
  const order = moveRowOrderKey(allRows(doc), rowId, direction);
  if (order === null) return false;
  updateRecord(doc, 'matrixRows', rowId, { order }, origin);
  return true;
}

/** Delete a row with its cells and its links from logic-model activities, in one transaction. */
export function removeMatrixRow({ doc, localOrigin: origin }: DocTarget, rowId: string): void {
  deleteMatrixRow(doc, rowId, origin);
}

/** Add the starter rows the board lacks, in one step (one undo). Returns what was added. */
export function addStarterRows({ doc, localOrigin: origin }: DocTarget): MatrixRow[] {
  const rows = starterRowsToAdd(allRows(doc));
  doc.transact(() => {
    const ids = rows.map((row) => createRecord(doc, 'matrixRows', row, origin).id);
    createMissingCells(doc, { rowIds: ids }, origin);
  }, origin);
  return rows;
}

function rowsOfGroup(doc: Y.Doc, category: MatrixCategory, group: string): MatrixRow[] {
  const name = normaliseGroupName(group);
  return allRows(doc).filter((row) => row.category === category && normaliseGroupName(row.group) === name);
}

/** Rename a facilitator group: every row in it takes the new name, in one transaction. */
export function renameGroup({ doc, localOrigin: origin }: DocTarget, category: MatrixCategory, group: string, newName: string): void {
  const name = newName.trim().replace(/\s+/g, ' ');
  doc.transact(() => {
    for (const row of rowsOfGroup(doc, category, group)) updateRecord(doc, 'matrixRows', row.id, { group: name }, origin);
  }, origin);
}

/**
 * Delete a group. By default its rows stay, ungrouped (deleting a heading should not
 * silently delete what partners entered); with `deleteRows` they go with their cells.
 */
export function deleteGroup(
  { doc, localOrigin: origin }: DocTarget,
  category: MatrixCategory,
  group: string,
  options: { deleteRows?: boolean } = {},
): void {
  doc.transact(() => {
    for (const row of rowsOfGroup(doc, category, group)) {
      if (options.deleteRows) deleteMatrixRow(doc, row.id, origin);
      else updateRecord(doc, 'matrixRows', row.id, { group: '' }, origin);
    }
  }, origin);
}

/**
 * "Who could bring this?" -> add a stakeholder as a prospective partner: promote it
 * (it becomes a matrix column, keeping its stakeholder record and links) and record
 * the first stage of partnership, networking, with every existing partner, which is
 * what "prospective" means in the stages-of-partnership model. One undo step.
 */
export function addProspectivePartner({ doc, localOrigin: origin }: DocTarget, stakeholderId: string): Partner {
  let partner: Partner | undefined;
  doc.transact(() => {
    const others: string[] = [];
    getCollection(doc, 'partners').forEach((_, id) => others.push(id));
    partner = promoteStakeholder({ doc, localOrigin: origin }, stakeholderId);
    const firstStage = PARTNERSHIP_STAGES[0];
    const stages: Record<string, (typeof PARTNERSHIP_STAGES)[number]> = { ...partner.stages };
    for (const id of others) if (id !== partner.id && !stages[id]) stages[id] = firstStage;
    updateRecord(doc, 'partners', partner.id, { stages }, origin);
    partner = readRecord(doc, 'partners', partner.id)?.record ?? partner;
  }, origin);
  return partner!;
}
