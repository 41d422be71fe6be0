import type { ImportSummary, Role, RowOutcome } from '@pc/shared';
import { request, send, type CreatedBoard } from '../collab/api';

/** Exports, imports and restores over REST. Downloads go through fetch: the token travels in a header, never in a URL. */

export interface ExportFormat {
  format: 'pdf' | 'json' | 'csv' | 'yjs';
  table?: string;
  allowed: boolean;
}

export interface ExportPermissions {
  role: Role;
  formats: ExportFormat[];
  import: boolean;
  restore: boolean;
}

export type ImportTable = 'stakeholders' | 'matrix' | 'relationships';

export type { ImportSummary, RowOutcome };

export interface ImportPreview extends ImportSummary {
  outcomes: RowOutcome[];
}

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export function fetchExportPermissions(boardId: string, token: string): Promise<ExportPermissions> {
  return request<ExportPermissions>(`${board(boardId)}/export/formats`, { headers: auth(token) });
}

/** A file from the export endpoint, with the name the server gave it. */
export async function downloadExport(boardId: string, token: string, query: Record<string, string>): Promise<{ blob: Blob; name: string | null }> {
  const res = await send(`${board(boardId)}/export?${new URLSearchParams(query)}`, { headers: auth(token) });
  return { blob: await res.blob(), name: res.headers.get('content-disposition') };
}

export function previewImport(boardId: string, token: string, table: ImportTable, csv: string): Promise<ImportPreview> {
  return request<ImportPreview>(`${board(boardId)}/import?table=${table}&preview=1`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'text/csv' },
    body: csv,
  });
}

export function applyImport(boardId: string, token: string, table: ImportTable, csv: string): Promise<ImportSummary> {
  return request<ImportSummary>(`${board(boardId)}/import?table=${table}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'text/csv' },
    body: csv,
  });
}

/** A `.yjs` backup restored into a new board (the restorer holds its owner link). */
export function restoreBackup(file: Blob): Promise<CreatedBoard> {
  return request<CreatedBoard>('/api/boards/restore', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
}
