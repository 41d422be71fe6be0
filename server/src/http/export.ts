import express, { type Router } from 'express';
import { z } from 'zod';
import { COLLECTION_NAMES, EXPORT_TABLES, exportJson, readAgreement, readMeta, toCsv, type ExportTableName } from '@pc/shared';
import { BoardAccessError, type BoardService } from '../boards/boardService';
import { tokenOf } from './boards';
import { HttpError } from './errors';

const TABLE_NAMES = Object.keys(EXPORT_TABLES) as [ExportTableName, ...ExportTableName[]];
/** "stakeholders, relationships, ... or agreement" */
const TABLE_LIST = `${TABLE_NAMES.slice(0, -1).join(', ')} or ${TABLE_NAMES.at(-1)}`;

const exportQuery = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json') }),
  z.object({ format: z.literal('yjs') }),
  z.object({
    format: z.literal('csv'),
    table: z.enum(TABLE_NAMES, { error: `table must be ${TABLE_LIST}` }),
  }),
]);

/** A file name people can recognise in their downloads folder. */
function fileName(title: string, suffix: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  const date = new Date().toISOString().slice(0, 10);
  return `${slug || 'board'}${suffix}-${date}.${extension}`;
}

/**
 * GET /api/boards/:id/export?format=json (every record, by collection),
 * ?format=csv&table=stakeholders|relationships|matrix|actions|health|stages|agreement
 * (for spreadsheets; the agreement as Markdown per section), or
 * ?format=yjs (owner only: the whole Yjs document, the full-fidelity backup
 * that POST /api/boards/restore reads). JSON and CSV: any role may export, a
 * viewer can already read everything.
 */
export function exportRouter(options: { boards: BoardService }): Router {
  const { boards } = options;
  const router = express.Router();
  router.get('/boards/:id/export', async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    const parsed = exportQuery.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue?.path[0] === 'format' ? 'format must be json, csv or yjs' : (issue?.message ?? 'bad export query');
      throw new HttpError(400, message);
    }
    const query = parsed.data;
    if (query.format === 'yjs') {
      if (role !== 'owner') throw new BoardAccessError('owner-only');
      const state = await boards.exportState(board);
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName(board.title, '', 'yjs')}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
      return;
    }
    const result = await boards.withDoc(board.id, (doc) => {
      const meta = readMeta(doc).record;
      const title = meta.title || board.title;
      if (query.format === 'json') {
        const agreement = readAgreement(doc);
        const body = {
          board: { id: board.id, title, createdAt: board.createdAt, schemaVersion: meta.schemaVersion, exportedAt: new Date().toISOString() },
          records: exportJson(doc, COLLECTION_NAMES),
          // The agreement's sections as Markdown with what they mention, when any is written.
          ...(agreement.some((s) => s.markdown.trim() !== '') ? { agreement } : {}),
        };
        return { title, body: JSON.stringify(body, null, 2), type: 'application/json; charset=utf-8', name: fileName(title, '', 'json') };
      }
      const table = EXPORT_TABLES[query.table](doc);
      // The byte-order mark makes Excel read the file as UTF-8 (names with accents).
      return {
        title,
        body: `\uFEFF${toCsv(table.header, table.rows)}`,
        type: 'text/csv; charset=utf-8',
        name: fileName(title, `-${query.table}`, 'csv'),
      };
    });
    res.setHeader('Content-Type', result.type);
    res.setHeader('Content-Disposition', `attachment; filename="${result.name}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(result.body);
  });
  return router;
}
