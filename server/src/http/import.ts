import express, { type Router } from 'express';
import { CsvError, parse } from 'csv-parse/sync';
import { applyImport, IMPORT_TABLES, importContext, planImport, type ImportTableName } from '@pc/shared';
import type { BoardService } from '../boards/boardService';
import type { Logger } from '../logger';
import { tokenOf } from './boards';
import { HttpError } from './errors';

/** Origin of the edits an import makes on the live document. */
export const IMPORT_ORIGIN = Symbol('csv-import');

const isTable = (value: unknown): value is ImportTableName => (IMPORT_TABLES as readonly unknown[]).includes(value);

/** Rows of the preview sent back; the counts always cover the whole file. */
const MAX_PREVIEW_ROWS = 500;

/**
 * POST /api/boards/:id/import?table=stakeholders|relationships|matrix[&preview=1],
 * a CSV body (the columns the matching export writes), owner or edit token.
 * A row matching a record already on the board (by id, else by name: case
 * and spaces ignored; relationships by their ends and type) updates it, so
 * importing the same file twice leaves one copy.
 * 200 {"imported","added","updated","unchanged"}, or 422
 * {"error","rows":[{"row","message"}]} and nothing changed. With preview=1
 * nothing is changed and the answer also lists each row's outcome
 * (`outcomes`: add, update with the fields, unchanged). The records are
 * written in one change to the live board, so everyone connected sees them
 * arrive together.
 */
export function importRouter(options: { boards: BoardService; log: Logger; maxImportBytes: number }): Router {
  const { boards, log } = options;
  const router = express.Router();
  router.post('/boards/:id/import', express.text({ type: () => true, limit: options.maxImportBytes }), async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    if (role === 'view') throw new HttpError(403, 'Only owner or edit links may import');
    const table = req.query.table;
    if (!isTable(table)) throw new HttpError(400, `table must be ${IMPORT_TABLES.join(', ')}`);
    const previewParam = req.query.preview;
    if (previewParam !== undefined && previewParam !== '1' && previewParam !== '0') throw new HttpError(400, 'preview must be 1 or 0');
    const preview = previewParam === '1';
    if (!req.is('text/csv')) throw new HttpError(415, 'Send the table as CSV with Content-Type: text/csv');
    const text = typeof req.body === 'string' ? req.body : '';
    let lines: string[][];
    try {
      lines = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const row = (error as CsvError & { lines?: number }).lines;
      res.status(422).json({ error: 'The file is not valid CSV', rows: [{ row: row ?? 0, message: error.message }] });
      return;
    }
    const [header, ...rows] = lines;
    if (!header) {
      res.status(422).json({ error: 'The file is empty', rows: [] });
      return;
    }
    const plan = preview
      ? await boards.withDoc(board.id, (doc) => planImport(table, header, rows, importContext(doc)))
      : await boards.change(board, (doc) => {
          const planned = planImport(table, header, rows, importContext(doc));
          if (planned.ok) applyImport(doc, planned, IMPORT_ORIGIN);
          return planned;
        });
    if (!plan.ok) {
      res.status(422).json({ error: plan.error, rows: plan.rows });
      return;
    }
    const summary = { imported: plan.imported, added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
    if (preview) {
      res.json({ ...summary, preview: true, outcomes: plan.outcomes.slice(0, MAX_PREVIEW_ROWS) });
      return;
    }
    log.info({ boardId: board.id, table, ...summary }, 'table imported');
    res.json(summary);
  });
  return router;
}
