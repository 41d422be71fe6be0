import { useId, useRef, useState } from 'react';
import type { Role } from '@pc/shared';
import { ApiError, deleteBoard, rotateLink } from '../../collab/api';
import { findRecentBoard, linksOf } from '../../collab/recentBoards';
import { CopyIcon } from '../../ui-kit/icons';
import { forgetDeleted, rememberRotated, useRecentBoards } from '../useRecentBoards';
import { copyText } from './clipboard';
import { useModalDialog } from '../../ui-kit/focusTrap';
import { deletePhrase, shareEntries, type ShareEntry } from './linkRoles';
import { QrCode } from './QrCode';

interface ShareDialogProps {
  boardId: string;
  title: string;
  role: Role | null;
  /** The token this page was opened with (always one of the links). */
  token: string;
  onClose(): void;
}

const errorText = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');

/**
 * "Share and access": every link this device holds for the board with what
 * it allows, copy, a QR code for a room screen and, for the facilitator,
 * replacing a link (the old one stops working at once) and deleting the board.
 */
export function ShareDialog({ boardId, title, role, token, onClose }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { boards } = useRecentBoards();
  const remembered = findRecentBoard(boards, boardId);
  const tokens = remembered ? linksOf(remembered) : role ? { [role]: token } : {};
  const entries = shareEntries(boardId, tokens, role, location.origin);
  const [qrRole, setQrRole] = useState<Role | null>(() => (entries.find((e) => e.role === 'edit' && e.url) ?? entries.find((e) => e.url))?.role ?? null);
  const [roomScreen, setRoomScreen] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  useModalDialog(dialogRef, () => (roomScreen ? setRoomScreen(false) : onClose()));

  const qrEntry = entries.find((e) => e.role === qrRole && e.url);

  const rotate = async (entry: ShareEntry) => {
    setError(null);
    try {
      const ownerToken = tokens.owner ?? token;
      const fresh = await rotateLink(boardId, ownerToken, entry.role);
      rememberRotated(boardId, entry.role, fresh.token);
      setStatus(`${entry.label} replaced. The old one no longer works.`);
      // This page's own connection used the old facilitator link: reopen the board with the new one.
      if (entry.role === 'owner') location.hash = `t=${encodeURIComponent(fresh.token)}`;
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="dialog-backdrop">
      <div ref={dialogRef} className="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="share-dialog-head">
          <h2 id={titleId}>Share and access</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <p className="muted">Anyone with a link can join, no account needed. Send each person the link for what they should be able to do.</p>
        <ul className="share-links" aria-label="Links to this board">
          {entries.map((entry) => (
            <LinkRow key={entry.role} entry={entry} qrShown={qrRole === entry.role} onQr={() => setQrRole(entry.role)} onRotate={() => rotate(entry)} onCopied={setStatus} />
          ))}
        </ul>
        {qrEntry && (
          <section className="share-qr" aria-label="QR code">
            <QrCode text={qrEntry.url!} label={`QR code of the ${qrEntry.label.toLowerCase()}`} size={160} />
            <div>
              <strong>{qrEntry.label}</strong>
              <p className="muted small">Scan with a phone camera to open the board. Show it on the room screen so everyone can join.</p>
              <button type="button" className="button small" onClick={() => setRoomScreen(true)}>
                Show on room screen
              </button>
            </div>
          </section>
        )}
        <p className="share-status" role="status" aria-live="polite">
          {status}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {role === 'owner' && <DeleteBoard boardId={boardId} title={title} ownerToken={tokens.owner ?? token} />}
        {roomScreen && qrEntry && (
          <div className="qr-room" role="group" aria-label="QR code for the room screen">
            <QrCode text={qrEntry.url!} label={`Large QR code of the ${qrEntry.label.toLowerCase()}`} size={Math.min(560, innerHeight - 160)} />
            <p className="qr-room-title">{title || 'Partnership Canvas'}: scan to join</p>
            <button type="button" className="button" onClick={() => setRoomScreen(false)} data-autofocus>
              Back
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function LinkRow({ entry, qrShown, onQr, onRotate, onCopied }: { entry: ShareEntry; qrShown: boolean; onQr(): void; onRotate(): Promise<void>; onCopied(status: string): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const replace = async () => {
    setBusy(true);
    await onRotate();
    setBusy(false);
    setConfirming(false);
  };
  return (
    <li data-role={entry.role}>
      <div className="share-label">
        <strong>{entry.label}</strong>
        <span className="muted small">{entry.help}</span>
      </div>
      {entry.url ? (
        <div className="share-row">
          <input className="link-field" readOnly value={entry.url} aria-label={`${entry.label} URL`} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button" onClick={async () => (await copyText(entry.url!)) && onCopied(`${entry.label} copied.`)}>
            <CopyIcon /> Copy
          </button>
          <button type="button" className="button" aria-pressed={qrShown} onClick={onQr} aria-label={`QR code of the ${entry.label.toLowerCase()}`}>
            QR
          </button>
        </div>
      ) : (
        <p className="muted small">This device does not hold this link. Replace it to get a new one (the current one stops working).</p>
      )}
      {entry.canRotate &&
        (confirming ? (
          <div className="share-confirm" role="group" aria-label={`Replace the ${entry.label.toLowerCase()}`}>
            <span className="small">Everyone using this link is disconnected and needs the new one.</span>
            <button type="button" className="button small danger" disabled={busy} onClick={replace}>
              {busy ? 'Replacing…' : 'Replace link'}
            </button>
            <button type="button" className="button small ghost" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="link-button share-rotate" onClick={() => setConfirming(true)}>
            {entry.url ? `Replace ${entry.label.toLowerCase()}…` : `Create a new ${entry.label.toLowerCase()}…`}
          </button>
        ))}
    </li>
  );
}

function DeleteBoard({ boardId, title, ownerToken }: { boardId: string; title: string; ownerToken: string }) {
  const phrase = deletePhrase(title);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmId = useId();
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteBoard(boardId, ownerToken);
      forgetDeleted(boardId);
      location.assign('/');
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <details className="share-danger">
      <summary>Delete this board</summary>
      <p className="small">Deleting removes the board and everything on it for everyone, at once. It cannot be undone; export a backup first if you may need it.</p>
      <label className="field" htmlFor={confirmId}>
        <span>
          Type <strong>{phrase}</strong> to confirm
        </span>
      </label>
      <input id={confirmId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      <button type="button" className="button danger" disabled={busy || typed.trim() !== phrase} onClick={remove}>
        {busy ? 'Deleting…' : 'Delete board for everyone'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
