import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '@pc/shared';
import { ApiError } from '../collab/api';
import {
  compareReviewPoints,
  fetchReviewPointState,
  listReviewPoints,
  restoreReviewPoint,
  saveReviewPoint,
  type ReviewComparison,
  type ReviewPointSummary,
} from './api';
import { formatReviewDate, groupSentences } from './format';
import './review.css';

interface Props {
  boardId: string;
  token: string;
  role: Role | null;
  author: string;
  /** Open a review point read-only on every tab. */
  onOpen(point: ReviewPointSummary, state: Uint8Array): void;
  /** Show a comparison on the canvas: marks on every tab and the list beside it. */
  onShowOnCanvas(comparison: ReviewComparison): Promise<void>;
}

const message = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');

/**
 * The "Review points" header button and drawer: save a named copy of the board
 * (owner, editor), list them with date and author, open one read-only, compare
 * two (or one with now) in words per board, and restore one (owner).
 */
export function ReviewPointsControl({ boardId, token, role, author, onOpen, onShowOnCanvas }: Props) {
  const [open, setOpen] = useState(false);
  const [points, setPoints] = useState<ReviewPointSummary[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [comparison, setComparison] = useState<ReviewComparison | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const canSave = role === 'owner' || role === 'edit';
  const canRestore = role === 'owner';

  const refresh = useCallback(() => {
    listReviewPoints(boardId, token).then(setPoints, (e: unknown) => setError(message(e)));
  }, [boardId, token]);

  useEffect(() => {
    if (!open) return;
    refresh();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, refresh]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const saved = await saveReviewPoint(boardId, token, name.trim(), author);
      setName('');
      setNotice(`Saved "${saved.name}".`);
      refresh();
    });
  const compare = (id: string, against: string) =>
    run(async () => {
      setComparison(await compareReviewPoints(boardId, token, id, against));
    });
  const compareSelected = () => {
    // Older first, so the sentences read from then to later.
    const [a, b] = selected.map((id) => points.find((p) => p.id === id)!).sort((x, y) => x.createdAt - y.createdAt);
    if (a && b) void compare(a.id, b.id);
  };
  const openPoint = (point: ReviewPointSummary) =>
    run(async () => {
      onOpen(point, await fetchReviewPointState(boardId, token, point.id));
      setOpen(false);
    });
  const restore = (point: ReviewPointSummary) =>
    run(async () => {
      const result = await restoreReviewPoint(boardId, token, point.id);
      setConfirming(null);
      setComparison(null);
      setNotice(`Restored "${point.name}". The board as it was is kept as "${result.backup.name}".`);
      refresh();
    });
  const showOnCanvas = (shown: ReviewComparison) =>
    run(async () => {
      await onShowOnCanvas(shown);
      setOpen(false);
    });
  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now.slice(-1), id]));

  return (
    <>
      <button ref={button} type="button" className="button small rp-open" aria-expanded={open} aria-controls="review-points" onClick={() => setOpen((o) => !o)}>
        Review points
      </button>
      {open && (
        <div id="review-points" className="rp-drawer" role="dialog" aria-modal="false" aria-labelledby="rp-title">
          <header className="rp-header">
            <h2 id="rp-title">Review points</h2>
            <button type="button" className="icon-button" aria-label="Close review points" onClick={() => setOpen(false)}>
              ×
            </button>
          </header>
          <p className="rp-intro">Save the whole board at each review, then open an earlier one, see what changed since, or go back to it.</p>
          {canSave && (
            <form
              className="rp-save"
              onSubmit={(event) => {
                event.preventDefault();
                if (name.trim()) void save();
              }}
            >
              <label className="rp-field">
                <span>Name</span>
                <input value={name} maxLength={100} onChange={(event) => setName(event.target.value)} placeholder="March review" />
              </label>
              <button type="submit" className="button small primary" disabled={busy || !name.trim()}>
                Save review point
              </button>
            </form>
          )}
          {error && <p className="rp-error" role="alert">{error}</p>}
          {notice && <p className="rp-notice" role="status">{notice}</p>}
          {points.length === 0 ? (
            <p className="rp-empty">No review points yet.</p>
          ) : (
            <>
              <ul className="rp-list" aria-label="Saved review points">
                {points.map((point) => (
                  <li key={point.id} className="rp-point">
                    <label className="rp-pick">
                      <input type="checkbox" checked={selected.includes(point.id)} onChange={() => toggle(point.id)} aria-label={`Select ${point.name} to compare`} />
                      <span className="rp-name">{point.name}</span>
                    </label>
                    <span className="rp-meta">
                      {formatReviewDate(point.createdAt)}
                      {point.author ? ` · ${point.author}` : ''}
                    </span>
                    <div className="rp-actions">
                      <button type="button" className="button small" disabled={busy} onClick={() => void openPoint(point)}>
                        Open
                      </button>
                      <button type="button" className="button small" disabled={busy} onClick={() => void compare(point.id, 'current')}>
                        Compare with now
                      </button>
                      {canRestore && (
                        <button type="button" className="button small rp-danger" disabled={busy} onClick={() => setConfirming(point.id)}>
                          Restore…
                        </button>
                      )}
                    </div>
                    {confirming === point.id && (
                      <div className="rp-confirm" role="alertdialog" aria-label={`Restore ${point.name}?`}>
                        <p>
                          Replace the live board with “{point.name}” for everyone? The board as it is now is saved as a review point first, so you can go back.
                        </p>
                        <button type="button" className="button small primary" disabled={busy} onClick={() => void restore(point)}>
                          Restore for everyone
                        </button>
                        <button type="button" className="button small" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <button type="button" className="button small" disabled={busy || selected.length !== 2} onClick={compareSelected}>
                Compare the two selected
              </button>
            </>
          )}
          {comparison && <ComparisonView comparison={comparison} busy={busy} onShowOnCanvas={() => void showOnCanvas(comparison)} />}
        </div>
      )}
    </>
  );
}

function ComparisonView({ comparison, busy, onShowOnCanvas }: { comparison: ReviewComparison; busy: boolean; onShowOnCanvas(): void }) {
  const groups = groupSentences(comparison.diff.sentences);
  const { added, removed, changed } = comparison.diff.counts;
  return (
    <section className="rp-compare" aria-label="What changed">
      <h3>
        {comparison.from.name} → {comparison.to.id === 'current' ? 'now' : comparison.to.name}
      </h3>
      <p className="rp-counts">
        {added} added · {removed} removed · {changed} changed
      </p>
      {groups.length === 0 ? (
        <p className="rp-empty">Nothing changed.</p>
      ) : (
        <button type="button" className="button small primary" disabled={busy} onClick={onShowOnCanvas}>
          Show on the canvas
        </button>
      )}
      {groups.map((group) => (
        <div key={group.group} className="rp-group">
          <h4>{group.label}</h4>
          <ul>
            {group.sentences.map((sentence, i) => (
              <li key={`${sentence.id}-${i}`} data-kind={sentence.kind}>
                {sentence.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
