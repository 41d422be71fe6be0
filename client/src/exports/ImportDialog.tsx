import { useRef, useState } from 'react';
import { ApiError } from '../collab/api';
import { useModalDialog } from '../ui-kit/focusTrap';
import { applyImport, previewImport, type ImportPreview, type ImportTable } from './api';
import { checkPickedFile, describeImport, describeOutcome } from './files';

/** The server's default MAX_IMPORT_BYTES; it answers 413 with the real limit past it. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Rows listed in the preview; the counts cover the whole file. */
const SHOWN_ROWS = 200;

const TABLES: { table: ImportTable; label: string; noun: string; hint: string }[] = [
  { table: 'stakeholders', label: 'Stakeholders', noun: 'stakeholder', hint: 'A column "name"; others as in Export → Stakeholders CSV (organisation, power, interest, owners…).' },
  { table: 'matrix', label: 'Matrix rows', noun: 'matrix row', hint: 'Columns "row" and "category" (skill, knowledge, resource); a column per partner holds its level, e.g. 3 G.' },
  { table: 'relationships', label: 'Relationships', noun: 'relationship', hint: 'Columns "from" and "to" (names or ids), and optionally type, strength, direction.' },
];

interface RowError {
  row: number;
  message: string;
}

interface Props {
  boardId: string;
  token: string;
  onClose(): void;
}

/**
 * Import stakeholders or matrix rows from CSV: pick a file, see what the server
 * would add and update (or every row it refuses, with its row number), then
 * apply. Rows matching records already on the board update them, so the same
 * file imported twice adds nothing the second time.
 */
export function ImportDialog({ boardId, token, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  useModalDialog(dialog, onClose);
  const [table, setTable] = useState<ImportTable>('stakeholders');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = TABLES.find((t) => t.table === table)!;

  const check = async (chosen: ImportTable, picked: { name: string; text: string }) => {
    setBusy(true);
    setPreview(null);
    setProblem(null);
    setDone(null);
    try {
      setPreview(await previewImport(boardId, token, chosen, picked.text));
    } catch (e) {
      setProblem(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (picked: File) => {
    const refused = checkPickedFile(picked, 'csv', MAX_CSV_BYTES);
    if (refused) {
      setFile(null);
      setPreview(null);
      return setProblem({ message: refused, rows: [] });
    }
    const loaded = { name: picked.name, text: await picked.text() };
    setFile(loaded);
    await check(table, loaded);
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await applyImport(boardId, token, table, file.text);
      setDone(`Imported “${file.name}”: ${describeImport(result, spec.noun)}.`);
      setPreview(null);
      setFile(null);
    } catch (e) {
      setProblem(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const changes = preview ? preview.added + preview.updated : 0;
  return (
    <div className="dialog-backdrop">
      <div ref={dialog} className="dialog ex-import" role="dialog" aria-modal="true" aria-labelledby="ex-import-title">
        <h2 id="ex-import-title">Import from CSV</h2>
        <p className="ex-hint">Rows that name a record already on the board update it; the others are added. Nothing changes until you apply.</p>
        <fieldset className="ex-choice">
          <legend>What the file holds</legend>
          {TABLES.map((t) => (
            <label key={t.table}>
              <input
                type="radio"
                name="ex-import-table"
                checked={table === t.table}
                onChange={() => {
                  setTable(t.table);
                  if (file) void check(t.table, file);
                }}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
        <p className="ex-hint">{spec.hint}</p>
        <label className="ex-file">
          <span>CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (picked) void pick(picked);
            }}
          />
        </label>
        {busy && <p role="status">Checking…</p>}
        {problem && (
          <div className="ex-problem" role="alert">
            <p>{problem.message}</p>
            {problem.rows.length > 0 && (
              <ul aria-label="Rows with problems">
                {problem.rows.map((row) => (
                  <li key={`${row.row}-${row.message}`}>
                    Row {row.row}: {row.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {preview && (
          <section className="ex-preview" aria-label="Import preview">
            <p className="ex-summary">{describeImport(preview, spec.noun)}.</p>
            <ul>
              {preview.outcomes.slice(0, SHOWN_ROWS).map((outcome) => (
                <li key={outcome.row} data-action={outcome.action}>
                  {describeOutcome(outcome)}
                </li>
              ))}
            </ul>
            {preview.imported > SHOWN_ROWS && <p className="ex-hint">and {preview.imported - SHOWN_ROWS} more rows</p>}
          </section>
        )}
        {done && (
          <p className="ex-done" role="status">
            {done}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="button primary" disabled={busy || !preview || changes === 0} onClick={() => void apply()}>
            {preview && changes > 0 ? `Apply: ${describeImport({ ...preview, unchanged: 0 }, spec.noun)}` : 'Apply'}
          </button>
        </div>
      </div>
    </div>
  );
}

function errorOf(error: unknown): { message: string; rows: RowError[] } {
  if (error instanceof ApiError) return { message: error.message, rows: error.rows ?? [] };
  return { message: 'Could not read this file. Please try again.', rows: [] };
}
