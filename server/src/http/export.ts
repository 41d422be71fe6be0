import express, { type Router } from 'express';
import { z } from 'zod';
import { COLLECTION_NAMES, EXPORT_TABLES, exportJson, readMeta, toCsv } from '@pc/shared';
import type { BoardStore } from '../storage/boardStore';
import type { RoomRegistry } from '../sync/roomRegistry';
import { access, withDoc } from './boards';
import { HttpError } from './errors';

const exportQuery = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json') }),
  z.object({
    format: z.literal('csv'),
    table: z.enum(['stakeholders', 'matrix', 'actions'], { error: 'table must be stakeholders, matrix or actions' }),
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
 * GET /api/boards/:id/export?format=json (every record, by collection: the
 * backup) or ?format=csv&table=stakeholders|matrix|actions (for spreadsheets).
 * Any role may export: a viewer can already read everything.
 */
export function exportRouter(options: { store: BoardStore; registry: RoomRegistry }): Router {
  const { store, registry } = options;
  const router = express.Router();
  router.get('/boards/:id/export', async (req, res) => {
    const { board } = await access(store, req.params.id, req.headers.authorization);
    const parsed = exportQuery.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue?.path[0] === 'format' ? 'format must be json or csv' : (issue?.message ?? 'bad export query');
      throw new HttpError(400, message);
    }
    const query = parsed.data;
    const result = await withDoc(store, registry, board.id, (doc) => {
      const meta = readMeta(doc).record;
      const title = meta.title || board.title;
      if (query.format === 'json') {
        const body = {
          board: { id: board.id, title, createdAt: board.createdAt, schemaVersion: meta.schemaVersion, exportedAt: new Date().toISOString() },
          records: exportJson(doc, COLLECTION_NAMES),
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
