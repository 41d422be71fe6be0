import { useEffect, useRef, useState } from 'react';
import type { Role } from '@pc/shared';
import { ApiError, type CreatedBoard } from '../collab/api';
import { CAPTURE_SCALES, pngFileName, type CaptureArea, type CaptureScale } from '../canvas/capture';
import type { CanvasPicture } from '../canvas/BoardCanvas';
import { listReviewPoints, type ReviewPointSummary } from '../review/api';
import { useEscapeToClose } from '../ui-kit/useEscapeToClose';
import { downloadExport, fetchExportPermissions, type ExportPermissions } from './api';
import { fileNameFromDisposition, saveFile } from './files';
import { ImportDialog } from './ImportDialog';
import { RestoreBackupButton } from './RestoreBackupButton';
import './exports.css';

interface Props {
  boardId: string;
  token: string;
  title: string;
  /** The open tab's name ("Stakeholder map"), for the picture's file name. */
  tabLabel: string;
  role: Role | null;
  /** A PNG of the open tab: what is visible, or all of it. */
  picture(area: CaptureArea, scale: CaptureScale): Promise<CanvasPicture | null>;
  onRestored(board: CreatedBoard): void;
}

const CSV_TABLES = [
  { table: 'stakeholders', label: 'Stakeholders' },
  { table: 'relationships', label: 'Relationships' },
  { table: 'matrix', label: 'Matrix' },
  { table: 'actions', label: 'Action plan' },
  { table: 'health', label: 'Health check' },
  { table: 'stages', label: 'Partnership stages' },
  { table: 'agreement', label: 'Agreement' },
] as const;

const message = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');

/**
 * The board header's "Export" menu: the PDF review pack (optionally with what
 * changed since a review point), a PNG of the tab, the CSV tables, the JSON
 * records and the owner's backup; import from CSV and restore a backup. What
 * the link may do comes from the server, so nobody is offered what would fail.
 */
export function ExportMenu({ boardId, token, title, tabLabel, role, picture, onRestored }: Props) {
  const [open, setOpen] = useState(false);
  const [allowed, setAllowed] = useState<ExportPermissions | null>(null);
  const [points, setPoints] = useState<ReviewPointSummary[]>([]);
  const [since, setSince] = useState('');
  const [area, setArea] = useState<CaptureArea>('visible');
  const [scale, setScale] = useState<CaptureScale>(2);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEscapeToClose(() => {
    setOpen(false);
    button.current?.focus();
  }, open && !importing);

  useEffect(() => {
    if (!open) return;
    let live = true;
    fetchExportPermissions(boardId, token).then((p) => live && setAllowed(p), (e: unknown) => live && setError(message(e)));
    listReviewPoints(boardId, token).then((p) => live && setPoints(p), () => undefined);
    return () => {
      live = false;
    };
  }, [open, boardId, token, role]);

  const may = (format: string, table?: string) => allowed?.formats.some((f) => f.format === format && f.table === table && f.allowed) ?? false;

  const run = async (key: string, action: () => Promise<string | null>) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const download = (key: string, query: Record<string, string>, fallback: string) =>
    run(key, async () => {
      const file = await downloadExport(boardId, token, query);
      const name = fileNameFromDisposition(file.name, fallback);
      saveFile(file.blob, name);
      return `Downloaded ${name}.`;
    });

  const today = () => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  };

  const savePicture = () =>
    run('png', async () => {
      const drawn = await picture(area, scale);
      if (!drawn) return 'This tab is empty: there is nothing to picture yet.';
      const name = pngFileName(title, tabLabel);
      saveFile(drawn.dataUrl, name);
      const size = `${drawn.width} × ${drawn.height} px`;
      return drawn.reduced ? `Downloaded ${name} (${size}): the tab is too large for ${scale}x, so it was drawn at ${drawn.pixelRatio}x.` : `Downloaded ${name} (${size}).`;
    });

  return (
    <>
      <button ref={button} type="button" className="button small ex-open" aria-expanded={open} aria-controls="export-menu" onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      {open && (
        <div id="export-menu" className="ex-menu" role="dialog" aria-modal="false" aria-labelledby="ex-title">
          <header className="ex-header">
            <h2 id="ex-title">Export and import</h2>
            <button type="button" className="icon-button" aria-label="Close export menu" onClick={() => setOpen(false)}>
              ×
            </button>
          </header>
          {error && <p className="ex-error" role="alert">{error}</p>}
          {notice && <p className="ex-notice" role="status">{notice}</p>}

          <section className="ex-item" aria-labelledby="ex-pdf">
            <h3 id="ex-pdf">PDF review pack</h3>
            <p className="ex-hint">For trustees and funders: every board as a picture, the communications and action plans, the matrix gaps and the logic model checks.</p>
            <div className="ex-row">
              <label className="ex-field">
                <span>Include what changed since</span>
                <select value={since} onChange={(event) => setSince(event.target.value)}>
                  <option value="">No comparison</option>
                  {points.map((point) => (
                    <option key={point.id} value={point.id}>
                      {point.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button small primary"
                disabled={busy !== null || !may('pdf')}
                onClick={() => void download('pdf', { format: 'pdf', today: today(), ...(since ? { since } : {}) }, 'review-pack.pdf')}
              >
                {busy === 'pdf' ? 'Preparing…' : 'Download PDF'}
              </button>
            </div>
          </section>

          <section className="ex-item" aria-labelledby="ex-png">
            <h3 id="ex-png">Picture (PNG)</h3>
            <p className="ex-hint">A picture of the {tabLabel.toLowerCase()} for slides and reports, without cursors or selection.</p>
            <div className="ex-row">
              <fieldset className="ex-choice">
                <legend>Area</legend>
                <label>
                  <input type="radio" name="ex-area" checked={area === 'visible'} onChange={() => setArea('visible')} /> Visible area
                </label>
                <label>
                  <input type="radio" name="ex-area" checked={area === 'tab'} onChange={() => setArea('tab')} /> Whole tab
                </label>
              </fieldset>
              <fieldset className="ex-choice">
                <legend>Scale</legend>
                {CAPTURE_SCALES.map((s) => (
                  <label key={s}>
                    <input type="radio" name="ex-scale" checked={scale === s} onChange={() => setScale(s)} /> {s}x
                  </label>
                ))}
              </fieldset>
              <button type="button" className="button small primary" disabled={busy !== null} onClick={() => void savePicture()}>
                {busy === 'png' ? 'Drawing…' : 'Download PNG'}
              </button>
            </div>
          </section>

          <section className="ex-item" aria-labelledby="ex-csv">
            <h3 id="ex-csv">Tables (CSV)</h3>
            <p className="ex-hint">For spreadsheets; edit them and import them again without making copies.</p>
            <div className="ex-row">
              {CSV_TABLES.map(({ table, label }) => (
                <button key={table} type="button" className="button small" disabled={busy !== null || !may('csv', table)} onClick={() => void download(`csv-${table}`, { format: 'csv', table }, `${table}.csv`)}>
                  {label}
                </button>
              ))}
            </div>
          </section>

          <section className="ex-item" aria-labelledby="ex-data">
            <h3 id="ex-data">Data and backup</h3>
            <p className="ex-hint">JSON: every record, for other tools. Backup: the whole board, to restore into a new board later.</p>
            <div className="ex-row">
              <button type="button" className="button small" disabled={busy !== null || !may('json')} onClick={() => void download('json', { format: 'json' }, 'board.json')}>
                All records (JSON)
              </button>
              <button type="button" className="button small" disabled={busy !== null || !may('yjs')} onClick={() => void download('yjs', { format: 'yjs' }, 'board.yjs')}>
                Backup (.yjs)
              </button>
            </div>
            {allowed && !may('yjs') && <p className="ex-hint">Only the facilitator’s (owner) link can download a backup.</p>}
          </section>

          <section className="ex-item" aria-labelledby="ex-import">
            <h3 id="ex-import">Import</h3>
            <p className="ex-hint">Add or update stakeholders and matrix rows from a spreadsheet, or open a backup as a new board.</p>
            <div className="ex-row">
              <button type="button" className="button small" disabled={!allowed?.import} onClick={() => setImporting(true)}>
                Import stakeholders / matrix from CSV…
              </button>
              <RestoreBackupButton onRestored={onRestored} />
            </div>
            {allowed && !allowed.import && <p className="ex-hint">A view link cannot import; ask for an edit link.</p>}
          </section>
        </div>
      )}
      {importing && <ImportDialog boardId={boardId} token={token} onClose={() => setImporting(false)} />}
    </>
  );
}
