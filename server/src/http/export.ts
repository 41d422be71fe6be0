import express, { type Router } from 'express';
import { z } from 'zod';
import { COLLECTION_NAMES, diffBoards, EXPORT_TABLES, exportJson, readAgreement, readMeta, toCsv, type ExportTableName, type Role } from '@pc/shared';
import { BoardAccessError, type BoardService } from '../boards/boardService';
import { PackTooLargeError, reviewPackPages, reviewPackPdf, type PdfFonts } from '../pdf';
import type { BoardStore } from '../storage/boardStore';
import { tokenOf } from './boards';
import { HttpError } from './errors';
import type { AddressLimiter } from './requestLimit';
import { contentOf, withStateDoc, type BoardContent } from './reviewPoints';

const TABLE_NAMES = Object.keys(EXPORT_TABLES) as [ExportTableName, ...ExportTableName[]];
/** "stakeholders, relationships, ... or agreement" */
const TABLE_LIST = `${TABLE_NAMES.slice(0, -1).join(', ')} or ${TABLE_NAMES.at(-1)}`;

const exportQuery = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json') }),
  z.object({
    format: z.literal('pdf'),
    since: z.string().regex(/^[\w-]{1,64}$/, 'since must be the id of a review point on this board').optional(),
    // Today in the reader's calendar (what counts as overdue); the server's date when absent.
    today: z.iso.date({ error: 'today must be a date like 2026-03-31' }).optional(),
  }),
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

export interface ExportFormat {
  format: 'pdf' | 'json' | 'csv' | 'yjs';
  table?: ExportTableName;
  allowed: boolean;
}

/** What each role may download: everything a viewer can read, and the full-state backup for the owner only. */
export function exportFormats(role: Role): ExportFormat[] {
  return [
    { format: 'pdf', allowed: true },
    ...TABLE_NAMES.map((table) => ({ format: 'csv' as const, table, allowed: true })),
    { format: 'json', allowed: true },
    { format: 'yjs', allowed: role === 'owner' },
  ];
}

export interface ExportRouterOptions {
  boards: BoardService;
  store: BoardStore;
  /** PDF packs per client address: each is laid out and drawn on the server. */
  pdfLimiter: AddressLimiter;
  fonts: () => Promise<PdfFonts>;
  maxPdfPages: number;
}

/**
 * GET /api/boards/:id/export?format=json (every record, by collection),
 * ?format=csv&table=stakeholders|relationships|matrix|actions|health|stages|agreement
 * (for spreadsheets; the agreement as Markdown per section), or
 * ?format=yjs (owner only: the whole Yjs document, the full-fidelity backup
 * that POST /api/boards/restore reads). JSON and CSV: any role may export, a
 * viewer can already read everything.
 */
export function exportRouter(options: ExportRouterOptions): Router {
  const { boards, store } = options;
  const router = express.Router();
  // What this link may download and import, so the app shows only what will work.
  router.get('/boards/:id/export/formats', async (req, res) => {
    const { role } = await boards.access(req.params.id, tokenOf(req));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ role, formats: exportFormats(role), import: role !== 'view', restore: true });
  });
  router.get('/boards/:id/export', async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    const parsed = exportQuery.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue?.path[0] === 'format' ? 'format must be json, csv, pdf or yjs' : (issue?.message ?? 'bad export query');
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
    if (query.format === 'pdf') {
      await options.pdfLimiter.consume(req);
      let before: { name: string; createdAt: number; content: BoardContent } | null = null;
      if (query.since) {
        const point = await store.getReviewPoint(board.id, query.since);
        if (!point) throw new HttpError(404, 'since: no review point with this id on this board');
        before = { name: point.name, createdAt: point.createdAt, content: await withStateDoc(point, contentOf) };
      }
      const fonts = await options.fonts();
      let laidOut: ReturnType<typeof reviewPackPages>;
      try {
        laidOut = await boards.withDoc(board.id, (doc) => {
          let changes;
          if (before) {
            const after = contentOf(doc);
            const diff = diffBoards(before.content.records, after.records, after.logicTemplate ?? before.content.logicTemplate);
            changes = { sinceName: before.name, sinceCreatedAt: before.createdAt, sentences: diff.sentences, counts: diff.counts };
          }
          const today = query.today ?? new Date().toISOString().slice(0, 10);
          return reviewPackPages(doc, board.title, { today, changes, fonts, maxPages: options.maxPdfPages });
        });
      } catch (error) {
        if (error instanceof PackTooLargeError) throw new HttpError(413, error.message);
        throw error;
      }
      const pdf = await reviewPackPdf(laidOut, fonts);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName(laidOut.title, '-review-pack', 'pdf')}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(pdf);
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
