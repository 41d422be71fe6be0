import { useState, type ReactNode } from 'react';
import {
  findTabLock,
  findTemplateLock,
  rankResults,
  updateMeta,
  type BoardView,
  type Role,
} from '@pc/shared';
import type { BoardTab } from '../boards/types';
import { lockedFor, sayLocked } from '../collab/locks';
import type { Camera } from '../canvas/camera';
import type { BoardSession } from '../collab/session';
import { useCollection } from '../collab/useCollection';
import { useMetaField } from '../collab/useMeta';
import { boundsOfAnything } from '../freeCanvas/bounds';
import type { ValueStore } from '../lib/valueStore';
import { LockIcon } from '../ui-kit/icons';
import { toggleRecordLock, toggleTabLock, toggleTemplateLock } from './locks/lockActions';
import { MarkerOverlay, type Marker } from './MarkerOverlay';
import { lockableCollectionOf, targetChoices, targetLabel } from './targets';
import { useBoardTick } from './useBoardTick';
import { closeRound, openRound } from './voting/api';
import { useVoting } from './voting/useVoting';

interface FacilitationOptions {
  session: BoardSession;
  tab: BoardTab;
  view: BoardView;
  role: Role | null;
  selectedIds: ReadonlySet<string>;
  camera: ValueStore<Camera>;
  name: string;
}

/**
 * Facilitation on a board: the owner's locks and votes, everyone's dots. The
 * panel goes beside the board's list, the markers (lock icons, dots, counts)
 * over the canvas. Locks are only shown and toggled here; the server enforces them.
 */
export function useFacilitation({ session, tab, view, role, selectedIds, camera, name }: FacilitationOptions): {
  panel: ReactNode;
  overlay: ReactNode;
  /** True (and says why) when a free item is locked for this person: the caller then does not start editing it. */
  guard(id: string): boolean;
} {
  const owner = role === 'owner';
  const locks = useCollection(session.collection('locks'));
  const rounds = useCollection(session.collection('voteRounds'));
  const viewersMayVote = useMetaField(session, 'viewersMayVote');
  const canVote = role === 'owner' || role === 'edit' || (role === 'view' && viewersMayVote);
  const voting = useVoting(session, rounds, canVote, name);
  // Badges follow their records, and the lists name them: only then does this follow every change to the board.
  const shown = voting.open ?? voting.closed;
  useBoardTick(session, shown !== null || locks.some((lock) => lock.kind === 'record'));
  const [problem, setProblem] = useState<string | null>(null);
  const [choice, setChoice] = useState('selection');
  const [dotsPerPerson, setDotsPerPerson] = useState(3);
  const [maxPerItem, setMaxPerItem] = useState(1);
  const [anonymous, setAnonymous] = useState(true);
  const { boardId, token } = session.options;

  const boundsOf = (id: string) => boundsOfAnything(session, tab, id);

  const markers: Marker[] = [];
  for (const lock of locks) {
    if (lock.kind !== 'record' || !lock.recordId) continue;
    const rect = boundsOf(lock.recordId);
    if (rect) markers.push({ id: `lock-${lock.id}`, rect, corner: 'top-left', content: <span className="lock-badge" role="img" aria-label={`${targetLabel(session, lock.recordId)} is locked`} title="Locked by the facilitator"><LockIcon /></span> });
  }
  if (shown) {
    const results = new Map((shown.results ?? []).map((r) => [r.targetId, r.dots]));
    for (const id of shown.targetIds) {
      const rect = boundsOf(id);
      if (!rect) continue;
      const label = targetLabel(session, id);
      const mine = voting.myDots[id] ?? 0;
      markers.push({
        id: `vote-${id}`,
        rect,
        corner: 'top-right',
        content:
          shown.status === 'open' ? (
            <span className="vote-dots">
              <button type="button" className="vote-dot-button" disabled={!canVote} aria-label={`Add a dot to ${label} (${mine} placed)`} onClick={() => voting.dot(id, 1)}>
                {'●'.repeat(mine) || '○'}
              </button>
              {mine > 0 && (
                <button type="button" className="vote-dot-remove" aria-label={`Take a dot back from ${label}`} onClick={() => voting.dot(id, -1)}>
                  −
                </button>
              )}
            </span>
          ) : (
            <span className="vote-count" aria-label={`${label}: ${results.get(id) ?? 0} dots`}>{results.get(id) ?? 0}</span>
          ),
      });
    }
  }

  const run = (work: Promise<unknown>) => {
    setProblem(null);
    work.catch((failure: unknown) => setProblem(failure instanceof Error ? failure.message : String(failure)));
  };
  const choices = targetChoices(session, view, selectedIds);
  const chosen = choices.find((c) => c.key === choice) ?? choices[0];
  const tabLock = findTabLock(locks, view);
  const templateLock = findTemplateLock(locks);
  const selectedLockable = [...selectedIds].filter((id) => lockableCollectionOf(session, id));

  const hasContent = owner || tabLock || (view === 'logic-model' && templateLock) || locks.some((l) => l.kind === 'record') || voting.open || voting.closed?.results || problem || voting.error;
  const panel = !hasContent ? null : (
    <section className="facilitation-panel" aria-label="Facilitation">
      {tabLock && <p className="lock-line"><LockIcon /> The {tab.label.toLowerCase()} is locked by the facilitator.</p>}
      {!tabLock && view === 'logic-model' && templateLock && <p className="lock-line"><LockIcon /> The logic model template is locked by the facilitator.</p>}
      {owner && (
        <div className="facilitation-row">
          <button type="button" className="button" aria-pressed={Boolean(tabLock)} onClick={() => toggleTabLock(session, view, name)}>
            {tabLock ? 'Unlock this tab' : 'Lock this tab'}
          </button>
          {view === 'logic-model' && (
            <button type="button" className="button" aria-pressed={Boolean(templateLock)} onClick={() => toggleTemplateLock(session, name)}>
              {templateLock?.kind === 'template' ? 'Unlock template' : 'Lock template'}
            </button>
          )}
          {selectedLockable.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => selectedLockable.forEach((id) => toggleRecordLock(session, lockableCollectionOf(session, id)!, id, name))}
            >
              Lock / unlock selected ({selectedLockable.length})
            </button>
          )}
          <label className="facilitation-check">
            <input type="checkbox" checked={viewersMayVote} onChange={(e) => updateMeta(session.doc, { viewersMayVote: e.target.checked }, session.localOrigin)} />
            People with the view link may vote and comment
          </label>
        </div>
      )}
      {locks.some((l) => l.kind === 'record') && (
        <ul className="lock-list" aria-label="Locked items">
          {locks.filter((l) => l.kind === 'record' && l.recordId).map((lock) => (
            <li key={lock.id}>
              <LockIcon /> {targetLabel(session, lock.recordId!)}
              {owner && (
                <button type="button" className="link-button" onClick={() => toggleRecordLock(session, lock.collection!, lock.recordId!, name)}>
                  Unlock
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {voting.open ? (
        <div className="vote-status" aria-live="polite">
          <strong>{voting.open.title || 'Dot vote'}</strong> {voting.open.anonymous ? '(anonymous)' : '(named)'}
          {canVote ? <p className="vote-left">{voting.left} of {voting.open.dotsPerPerson} dots left</p> : <p>Watching the vote</p>}
          <p className="hint">Click the circle on an item to place a dot; − takes it back.</p>
          {owner && (
            <button type="button" className="button primary" onClick={() => run(closeRound(boardId, token, voting.open!.id))}>
              Close vote and show results
            </button>
          )}
        </div>
      ) : (
        owner && chosen && (
          <form
            className="vote-form"
            onSubmit={(event) => {
              event.preventDefault();
              run(openRound(boardId, token, { title: `Vote on ${chosen.label.toLowerCase()}`, targetIds: chosen.ids(), dotsPerPerson, maxPerItem: Math.min(maxPerItem, dotsPerPerson), anonymous }));
            }}
          >
            <strong>Dot vote</strong>
            <label>
              On <select value={chosen.key} onChange={(e) => setChoice(e.target.value)}>{choices.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}</select>
            </label>
            <label>
              Dots each <input type="number" min={1} max={50} value={dotsPerPerson} onChange={(e) => setDotsPerPerson(Number(e.target.value) || 1)} />
            </label>
            <label>
              Most on one item <input type="number" min={1} max={10} value={maxPerItem} onChange={(e) => setMaxPerItem(Number(e.target.value) || 1)} />
            </label>
            <label className="facilitation-check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous
            </label>
            <button type="submit" className="button primary">Start vote</button>
          </form>
        )
      )}
      {!voting.open && voting.closed?.results && (
        <div className="vote-results">
          <div className="vote-results-title">
            <strong>Results: {voting.closed.title || 'Dot vote'}</strong>
            <span className="hint">{voting.closed.voterCount} voted</span>
          </div>
          <ol aria-label="Vote results">
            {rankResults(voting.closed.results).map((result) => (
              <li key={result.targetId} value={result.rank}>
                {targetLabel(session, result.targetId)}: {result.dots} {result.dots === 1 ? 'dot' : 'dots'}
                {result.tied ? ' (tied)' : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
      {(problem ?? voting.error) && <p className="form-error" role="alert">{problem ?? voting.error}</p>}
    </section>
  );
  const guard = (id: string): boolean => {
    const message = lockedFor(session, view, id);
    if (message) sayLocked(session, message);
    return message !== null;
  };
  return { guard, panel, overlay: markers.length > 0 ? <MarkerOverlay camera={camera} markers={markers} /> : null };
}
