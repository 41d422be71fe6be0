import { useEffect, useReducer, useRef, useState } from 'react';
import type { BoardView } from '@pc/shared';
import { useShortcuts } from '../canvas/useShortcuts';
import { screenToWorld, worldToScreen, type Camera } from '../canvas/camera';
import type { BoardSession } from '../collab/session';
import { pointerOn, worldPoint, type Rect } from '../lib/geometry';
import { useValueWhile } from '../lib/hooks';
import type { ValueStore } from '../lib/valueStore';
import { describeRecord, pickTarget, pinPoint, type Locate } from './anchors';
import { CommentComposer } from './CommentComposer';
import type { CommentWriter } from './useCommentWriter';
import { useThreads } from './useThreads';
import { anchorOf } from './threads';

interface Props {
  session: BoardSession;
  view: BoardView;
  camera: ValueStore<Camera>;
  me: string;
  people: readonly string[];
  writer: CommentWriter;
  locate: Locate;
  /** Records drawn on this tab, for the comment tool's click. */
  candidates(view: BoardView): { id: string; rect: Rect }[];
}

/** Re-render when the document changes (a pinned record moved), at most once a frame. */
function useDocFrames(session: BoardSession): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let frame = 0;
    const onUpdate = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), bump()));
    };
    session.doc.on('afterTransaction', onUpdate);
    return () => {
      session.doc.off('afterTransaction', onUpdate);
      cancelAnimationFrame(frame);
    };
  }, [session]);
}

/**
 * Over the canvas: a pin for each open thread on this tab, at its record's
 * top-right corner (following the record as it moves) or its canvas point;
 * with the comment tool on, a click picks the record under it (or the spot)
 * and opens a field to write the first comment.
 */
export function CommentLayer({ session, view, camera: cameraStore, me, people, writer, locate, candidates }: Props) {
  useDocFrames(session);
  const { threads, ui, state, isUnread } = useThreads(session, me);

  const worldPins = threads.flatMap((thread) => {
    if (thread.root.resolved && thread.root.id !== state.openId) return [];
    const anchor = anchorOf(thread.root);
    let world: { x: number; y: number } | null = null;
    if (anchor.kind === 'record') {
      const found = locate(anchor.id);
      if (found && found.view === view) world = pinPoint(found.rect);
    } else if (anchor.kind === 'point' && anchor.view === view) world = { x: anchor.x, y: anchor.y };
    return world ? [{ thread, world }] : [];
  });
  const draft = state.draft;
  // Follows the camera only while a pin or a draft is on this tab: otherwise a pan renders nothing here.
  const camera = useValueWhile(cameraStore, worldPins.length > 0 || draft !== null);
  const pins = worldPins.map(({ thread, world }) => ({ thread, at: worldToScreen(camera, worldPoint(world.x, world.y)) }));

  // Right-click on an item, a record or open canvas offers "Comment" there (the context action).
  const marker = useRef<HTMLSpanElement>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; target: NonNullable<typeof draft> } | null>(null);
  const latest = useRef({ view, candidates, canWrite: writer.canWrite });
  latest.current = { view, candidates, canWrite: writer.canWrite };
  useEffect(() => {
    const canvas = marker.current?.parentElement;
    if (!canvas) return;
    const onContextMenu = (event: MouseEvent) => {
      if (!latest.current.canWrite || (event.target as Element).closest('.comment-menu, .comment-draft, .comment-pin')) return;
      event.preventDefault();
      const at = pointerOn(canvas, event);
      const world = screenToWorld(cameraStore.get(), at);
      const { view: here, candidates: list } = latest.current;
      const id = pickTarget(world, list(here));
      setMenu({ x: at.x, y: at.y, target: id ? { kind: 'record', id } : { kind: 'point', view: here, x: world.x, y: world.y } });
    };
    canvas.addEventListener('contextmenu', onContextMenu);
    return () => canvas.removeEventListener('contextmenu', onContextMenu);
  }, [cameraStore]);
  useEffect(() => {
    if (!menu) return;
    const close = (event: Event) => {
      if (!(event.target instanceof Element && event.target.closest('.comment-menu'))) setMenu(null);
    };
    window.addEventListener('pointerdown', close, true);
    return () => window.removeEventListener('pointerdown', close, true);
  }, [menu]);

  useShortcuts([
    { group: 'Comments', keys: 'Escape', description: 'Leave the comment tool, or drop the comment being started', match: (e) => e.key === 'Escape' && (state.tool || draft !== null), run: (e) => {
      e.preventDefault();
      ui.update({ tool: false, draft: null });
    } },
    { group: 'Comments', keys: 'Right-click', description: 'Comment on the item or spot under the pointer' },
  ]);
  const draftAt = (() => {
    if (!draft) return null;
    if (draft.kind === 'point') return draft.view === view ? worldToScreen(camera, worldPoint(draft.x, draft.y)) : null;
    const found = locate(draft.id);
    return found && found.view === view ? worldToScreen(camera, worldPoint(pinPoint(found.rect).x, pinPoint(found.rect).y)) : null;
  })();

  const menuLabel = menu ? (menu.target.kind === 'record' ? `Comment on ${describeRecord(session.doc, menu.target.id) ?? 'this item'}` : 'Comment here') : '';
  return (
    <>
      <span ref={marker} hidden />
      {menu && (
        <div className="comment-menu" role="menu" aria-label="Canvas actions" style={{ transform: `translate(${Math.round(menu.x)}px, ${Math.round(menu.y)}px)` }}>
          <button
            type="button"
            role="menuitem"
            autoFocus
            onClick={() => {
              ui.update({ draft: menu.target, tool: false, openId: null });
              setMenu(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setMenu(null);
            }}
          >
            {menuLabel}
          </button>
        </div>
      )}
      {state.tool && (
        <div
          className="comment-tool-surface"
          aria-hidden="true"
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            event.preventDefault();
            event.stopPropagation();
            const world = screenToWorld(cameraStore.get(), pointerOn(event.currentTarget, event));
            const id = pickTarget(world, candidates(view));
            ui.update({ tool: false, openId: null, draft: id ? { kind: 'record', id } : { kind: 'point', view, x: world.x, y: world.y } });
          }}
        />
      )}
      {pins.map(({ thread, at }) => {
        const unread = isUnread(thread);
        const count = 1 + thread.replies.length;
        return (
          <button
            key={thread.root.id}
            type="button"
            className={`comment-pin${unread ? ' unread' : ''}${thread.root.id === state.openId ? ' open' : ''}${thread.root.resolved ? ' resolved' : ''}`}
            style={{ transform: `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)` }}
            data-pin-for={thread.root.targetId ?? ''}
            data-thread-id={thread.root.id}
            aria-label={`Comment thread by ${thread.root.author || 'someone'}, ${count} comment${count === 1 ? '' : 's'}${unread ? ', unread' : ''}`}
            onClick={() => ui.update({ openId: thread.root.id })}
          >
            <span aria-hidden="true">{count}</span>
          </button>
        );
      })}
      {draft && draftAt && (
        <div className="comment-draft" style={{ transform: `translate(${Math.round(draftAt.x)}px, ${Math.round(draftAt.y)}px)` }} role="dialog" aria-label="New comment">
          <CommentComposer label="Comment" submitLabel="Comment" people={people} autoFocus onSubmit={(text) => writer.start(draft, text)} onCancel={() => ui.update({ draft: null })} />
        </div>
      )}
    </>
  );
}
