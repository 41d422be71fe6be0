import { useEffect, useId, useState } from 'react';
import type { BoardSession } from '../collab/session';
import { describeRecord } from './anchors';
import { CommentComposer } from './CommentComposer';
import type { CommentWriter } from './useCommentWriter';
import { useThreads } from './useThreads';
import { anchorOf, filterThreads, type Thread, type ThreadFilter } from './threads';
import './comments.css';

interface Props {
  session: BoardSession;
  me: string;
  people: readonly string[];
  writer: CommentWriter;
  /** Show a thread's pin (switching tab and moving the camera if needed). */
  reveal(thread: Thread): void;
}

const FILTERS: { value: ThreadFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

const time = (ms: number) => (ms > 0 ? new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

/**
 * Every comment thread of the board, in the side panel: an accessible list
 * (open / resolved / all) with unread marks; the open thread with its replies,
 * a reply field and Resolve / Reopen.
 */
export function CommentsPanel({ session, me, people, writer, reveal }: Props) {
  const { threads, ui, state, unread, isUnread } = useThreads(session, me);
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const shown = filterThreads(threads, state.filter);
  const open = threads.find((t) => t.root.id === state.openId) ?? null;

  // Opening a thread elsewhere (a pin, a new comment) opens the panel; reading it marks it read.
  useEffect(() => {
    if (state.openId) setExpanded(true);
  }, [state.openId]);
  useEffect(() => {
    if (open && expanded) ui.read(open);
  }, [open, expanded, ui]);

  const about = (thread: Thread) => {
    const anchor = anchorOf(thread.root);
    if (anchor.kind === 'record') return describeRecord(session.doc, anchor.id) ?? 'a removed item';
    if (anchor.kind === 'point') return 'a spot on the canvas';
    return 'the board';
  };

  return (
    <section className={`comments-panel${expanded ? ' expanded' : ''}`} aria-labelledby={headingId}>
      <h2 className="comments-heading" id={headingId}>
        <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          Comments
          {unread > 0 && (
            <span className="unread-badge" data-unread={unread}>
              {unread} <span className="sr-only">unread</span>
            </span>
          )}
        </button>
      </h2>
      {expanded && (
        <div className="comments-body">
          {open ? (
            <ThreadView key={open.root.id} thread={open} about={about(open)} people={people} writer={writer} onBack={() => ui.update({ openId: null })} onShow={() => reveal(open)} />
          ) : (
            <>
              <div className="comments-filters" role="radiogroup" aria-label="Show threads">
                {FILTERS.map((f) => (
                  <label key={f.value}>
                    <input type="radio" name={`${headingId}-filter`} checked={state.filter === f.value} onChange={() => ui.update({ filter: f.value })} /> {f.label}
                  </label>
                ))}
                {writer.canWrite && (
                  <button type="button" className="button small" aria-pressed={state.tool} onClick={() => ui.update({ tool: !state.tool, draft: null })} title="Click on the canvas or an item to comment there (Shift+C)">
                    {state.tool ? 'Click the canvas…' : 'New comment'}
                  </button>
                )}
              </div>
              {shown.length === 0 ? (
                <p className="muted comments-empty">{state.filter === 'resolved' ? 'No resolved threads.' : 'No comments yet. Use “New comment”, then click an item or a spot on the canvas.'}</p>
              ) : (
                <ul className="thread-list" aria-label="Comment threads">
                  {shown.map((thread) => {
                    const unreadHere = isUnread(thread);
                    return (
                      <li key={thread.root.id} data-thread-id={thread.root.id} data-resolved={thread.root.resolved} data-unread={unreadHere}>
                        <button type="button" className="thread-row" onClick={() => (ui.update({ openId: thread.root.id }), reveal(thread))}>
                          <span className="thread-meta">
                            {unreadHere && <span className="unread-dot" aria-label="unread" />}
                            <strong>{thread.root.author || 'Someone'}</strong> on {about(thread)}
                            {thread.root.resolved && <span className="thread-tag">resolved</span>}
                          </span>
                          <span className="thread-text">{thread.root.text}</span>
                          <span className="muted thread-count">
                            {thread.replies.length === 1 ? '1 reply' : `${thread.replies.length} replies`}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ThreadView({ thread, about, people, writer, onBack, onShow }: { thread: Thread; about: string; people: readonly string[]; writer: CommentWriter; onBack(): void; onShow(): void }) {
  const { root } = thread;
  return (
    <article className="thread" aria-label={`Thread by ${root.author || 'someone'} on ${about}`} data-thread-id={root.id} data-resolved={root.resolved}>
      <div className="thread-top">
        <button type="button" className="link-button" onClick={onBack}>
          ← All threads
        </button>
        <button type="button" className="link-button" onClick={onShow}>
          Show on canvas
        </button>
      </div>
      <p className="muted thread-about">On {about}</p>
      <ol className="thread-comments" aria-label="Comments in this thread">
        {[root, ...thread.replies].map((c) => (
          <li key={c.id} data-comment-id={c.id}>
            <div className="comment-head">
              <strong>{c.author || 'Someone'}</strong> <span className="muted">{time(c.createdAt)}</span>
            </div>
            <p className="comment-text">{c.text}</p>
            {c.mentions.length > 0 && <p className="muted comment-mentions">Mentions {c.mentions.join(', ')}</p>}
          </li>
        ))}
      </ol>
      {root.resolved && <p className="thread-resolved">Resolved</p>}
      {writer.error && <p className="comment-error" role="alert">{writer.error}</p>}
      {writer.canWrite && (
        <>
          <CommentComposer label="Reply" submitLabel="Reply" people={people} onSubmit={(text) => writer.reply(root.id, text)} />
          {writer.canResolve && (
            <button type="button" className="button small" onClick={() => writer.setResolved(root.id, !root.resolved)}>
              {root.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </>
      )}
    </article>
  );
}
