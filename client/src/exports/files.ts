import type { ImportSummary, RowOutcome } from './api';

/** The file name in a Content-Disposition header (`attachment; filename="x.pdf"`), or the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/i.exec(header) ?? /filename=([^;]+)/i.exec(header) : null;
  const name = match?.[1]?.trim();
  return name && !/[\\/]/.test(name) ? name : fallback;
}

/** Save a blob or data URL under a name, as the browser's download. */
export function saveFile(data: Blob | string, name: string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 new, 1 updated, 3 already up to date" for the preview and the result. */
export function describeImport(summary: ImportSummary, noun: string): string {
  const parts = [];
  if (summary.added) parts.push(`${plural(summary.added, `new ${noun}`, `new ${noun}s`)}`);
  if (summary.updated) parts.push(`${summary.updated} updated`);
  if (summary.unchanged) parts.push(`${summary.unchanged} already up to date`);
  return parts.length ? parts.join(', ') : 'Nothing to import';
}

/** One line per previewed row: "Row 3: update Health Board (organisation, power)". */
export function describeOutcome(outcome: RowOutcome): string {
  const what = { add: 'add', update: 'update', unchanged: 'no change to' }[outcome.action];
  const fields = outcome.action === 'update' && outcome.fields.length ? ` (${outcome.fields.join(', ')})` : '';
  return `Row ${outcome.row}: ${what} ${outcome.label}${fields}`;
}

/** Files people pick are checked before upload: the server refuses more, but a clear early word is kinder. */
export function checkPickedFile(file: { name: string; size: number }, kind: 'csv' | 'yjs', maxBytes: number): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) return `“${file.name}” is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  if (kind === 'csv' && !/\.(csv|txt)$/i.test(file.name)) return `Choose a .csv file (a spreadsheet saved as CSV); “${file.name}” is not one.`;
  if (kind === 'yjs' && !/\.yjs$/i.test(file.name)) return `Choose a .yjs backup (Export → Backup); “${file.name}” is not one.`;
  return null;
}
