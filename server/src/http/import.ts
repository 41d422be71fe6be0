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

/**
 * POST /api/boards/:id/import?table=stakeholders|relationships|matrix, a CSV
 * body (the columns the matching export writes), owner or edit token.
 * 200 {"imported":N}, or 422 {"error","rows":[{"row","message"}]} and nothing
 * changed. The records are created in one change to the live board, so
 * everyone connected sees them arrive together.
 */
export function importRouter(options: { boards: BoardService; log: Logger; maxImportBytes: number }): Router {
  const { boards, log } = options;
  const router = express.Router();
  router.post('/boards/:id/import', express.text({ type: () => true, limit: options.maxImportBytes }), async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    if (role === 'view') throw new HttpError(403, 'Only owner or edit links may import');
    const table = req.query.table;
    if (!isTable(table)) throw new HttpError(400, `table must be ${IMPORT_TABLES.join(', ')}`);
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
    const plan = await boards.change(board, (doc) => {
      const planned = planImport(table, header, rows, importContext(doc));
      if (planned.ok) applyImport(doc, planned.records, IMPORT_ORIGIN);
      return planned;
    });
    if (!plan.ok) {
      res.status(422).json({ error: plan.error, rows: plan.rows });
      return;
    }
    log.info({ boardId: board.id, table, imported: plan.imported }, 'table imported');
    res.json({ imported: plan.imported });
  });
  return router;
}
