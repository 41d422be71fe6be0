import { useRef, useState } from 'react';
import { ApiError, type CreatedBoard } from '../collab/api';
import { restoreBackup } from './api';
import { checkPickedFile } from './files';
import './exports.css';

/** The server's default MAX_RESTORE_BYTES; it answers 413 with the real limit past it. */
const MAX_BACKUP_BYTES = 32 * 1024 * 1024;

interface Props {
  /** Called with the new board (the caller remembers it and opens it). */
  onRestored(board: CreatedBoard): void;
  className?: string;
}

/**
 * "Restore a backup into a new board": pick a `.yjs` file (Export → Backup),
 * the server checks it and creates a new board with its content; the board
 * it came from is left alone.
 */
export function RestoreBackupButton({ onRestored, className = 'button small' }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async (file: File) => {
    const problem = checkPickedFile(file, 'yjs', MAX_BACKUP_BYTES);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      onRestored(await restoreBackup(file));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not restore this backup. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ex-restore">
      <button type="button" className={className} disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Restoring…' : 'Restore a backup into a new board…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".yjs,application/octet-stream"
        hidden
        aria-label="Backup file to restore"
        data-testid="restore-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void restore(file);
        }}
      />
      {error && (
        <p className="ex-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
