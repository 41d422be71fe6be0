import { useEffect, useState, type FormEvent } from 'react';
import { ROLES, shareLinkPath, type Role } from '@pc/shared';
import { ApiError, absoluteLink, createBoard, type CreatedBoard } from '../collab/api';
import { linksOf, relativeTime } from '../collab/recentBoards';
import { initials } from '../collab/identity';
import { CopyIcon, LogoMark } from '../ui-kit/icons';
import { NameDialog } from './NameDialog';
import { ROLE_LABELS, RoleBadge } from './RoleBadge';
import { useIdentity } from './useIdentity';
import { remember, useRecentBoards } from './useRecentBoards';
import { RestoreBackupButton } from '../exports/RestoreBackupButton';
import { copyText } from './share/clipboard';
import { LINK_ROLES } from './share/linkRoles';

function ShareLinks({ board }: { board: CreatedBoard }) {
  const [copied, setCopied] = useState<Role | null>(null);
  return (
    <section className="card share" aria-labelledby="share-title">
      <h2 id="share-title">“{board.title}” is ready</h2>
      <p className="muted">Share the right link with each person. Anyone with a link can join, no account needed.</p>
      <ul className="share-links" aria-label="Share links">
        {ROLES.map((role) => {
          const { label, help } = LINK_ROLES[role];
          const url = absoluteLink(board.links[role] ?? shareLinkPath(board.id, board.tokens[role]), location.origin);
          return (
            <li key={role} data-role={role}>
              <div className="share-label">
                <strong>{label}</strong>
                <span className="muted small">{help}</span>
              </div>
              <div className="share-row">
                <input className="link-field" readOnly value={url} aria-label={`${label} URL`} onFocus={(e) => e.currentTarget.select()} />
                <button
                  type="button"
                  className="button"
                  onClick={async () => {
                    if (await copyText(url)) {
                      setCopied(role);
                      setTimeout(() => setCopied((c) => (c === role ? null : c)), 1500);
                    }
                  }}
                >
                  <CopyIcon /> {copied === role ? 'Copied' : 'Copy'}
                </button>
                <a className={`button${role === 'owner' ? ' primary' : ''}`} href={url}>
                  Open
                </a>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every link this device holds for a recent board, so a facilitator can hand out the edit or view link again. */
function RecentLinks({ boardId, tokens }: { boardId: string; tokens: Partial<Record<Role, string>> }) {
  const held = ROLES.filter((role) => tokens[role]);
  if (held.length < 2) return null;
  return (
    <span className="recent-links small">
      {held.map((role) => (
        <a key={role} href={shareLinkPath(boardId, tokens[role]!)} data-role={role}>
          {LINK_ROLES[role].label}
        </a>
      ))}
    </span>
  );
}

export function HomePage() {
  const [identity, setIdentity] = useIdentity();
  const { boards, forget } = useRecentBoards();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [editingName, setEditingName] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    document.title = 'Partnership Canvas';
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) {
      setError('Give the board a title, for example the partnership’s name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard(clean);
      setCreated(board);
      setTitle('');
      remember({ id: board.id, title: board.title, role: 'owner', token: board.tokens.owner, tokens: board.tokens, lastOpened: Date.now() });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not create the board. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="home">
      <header className="home-header">
        <a href="/" className="brand-line">
          <LogoMark /> Partnership Canvas
        </a>
        <button type="button" className="me" onClick={() => setEditingName(true)} title="Change your name and colour">
          <span className="avatar" style={{ background: identity.colour }} aria-hidden="true">
            {initials(identity.name)}
          </span>
          <span>{identity.name}</span>
        </button>
      </header>
      <main className="home-main">
        <section className="hero">
          <h1>Partnership Canvas</h1>
          <p className="lede">
            A live, shared whiteboard for partnerships: map your stakeholders, match your skills and build your theory of change together, in one place.
          </p>
          <form className="create" onSubmit={submit} aria-label="Create a board">
            <label className="field grow">
              <span>Board title</span>
              <input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder="e.g. Riverside Youth Partnership"
                maxLength={200}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'create-error' : undefined}
              />
            </label>
            <button type="submit" className="button primary large" disabled={busy}>
              {busy ? 'Creating…' : 'Create board'}
            </button>
          </form>
          {error && (
            <p id="create-error" className="error" role="alert">
              {error}
            </p>
          )}
          <div className="home-restore">
            <span className="muted">Have a backup (.yjs) from Export? </span>
            <RestoreBackupButton
              className="link-button"
              onRestored={(board) => {
                remember({ id: board.id, title: board.title, role: 'owner', token: board.tokens.owner, tokens: board.tokens, lastOpened: Date.now() });
                location.assign(shareLinkPath(board.id, board.tokens.owner));
              }}
            />
          </div>
        </section>

        {created && <ShareLinks board={created} />}

        <section className="card recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Recently opened</h2>
          {boards.length === 0 ? (
            <p className="muted">Boards you create or open on this device will appear here.</p>
          ) : (
            <ul className="recent-list" aria-label="Recently opened boards">
              {boards.map((board) => (
                <li key={board.id} data-board-id={board.id}>
                  <a href={shareLinkPath(board.id, board.token)} className="recent-title">
                    {board.title || 'Untitled board'}
                  </a>
                  <RoleBadge role={board.role} />
                  <span className="muted small" title={new Date(board.lastOpened).toLocaleString()}>
                    Opened {relativeTime(board.lastOpened, now)}
                  </span>
                  <RecentLinks boardId={board.id} tokens={linksOf(board)} />
                  <button type="button" className="link-button" onClick={() => forget(board.id)} aria-label={`Forget ${board.title || 'board'} (${ROLE_LABELS[board.role]}) on this device`}>
                    Forget
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
      {editingName && (
        <NameDialog
          identity={identity}
          title="Your name"
          submitLabel="Save"
          onSave={(next) => {
            setIdentity(next);
            setEditingName(false);
          }}
          onClose={() => setEditingName(false)}
        />
      )}
    </div>
  );
}
