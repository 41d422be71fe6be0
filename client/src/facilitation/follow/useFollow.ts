import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardView } from '@pc/shared';
import { visibleWorldRect, type Camera } from '../../canvas/camera';
import { keepingInPlace } from '../../canvas/useKeepInPlace';
import type { BoardSession } from '../../collab/session';
import type { Size } from '../../lib/geometry';
import type { ValueStore } from '../../lib/valueStore';
import { cameraShowing, leaderAmong, sameCamera } from './followMath';

/** What following needs from the shell: the camera, the canvas size and the tabs. */
export interface ViewControl {
  camera: ValueStore<Camera>;
  viewportSize(): Size;
  /** The tab shown now (already the new one right after `switchView`). */
  view(): BoardView;
  switchView(view: BoardView): void;
}

export interface Follow {
  /** Who I follow (name and client id), or null. */
  leader: { clientId: number; name: string } | null;
  follow(clientId: number): void;
  stop(): void;
  /** Why following last ended by itself ("Ada left"), for the banner; null otherwise. */
  ended: string | null;
  dismissEnded(): void;
  /** Move the camera (and tab) without counting as "my own pan": summon uses it too. */
  moveTo(view: BoardView, camera: (size: Size) => Camera): void;
  /** Publish my viewport now (after a resize). */
  publishViewport(): void;
}

/**
 * Publishes my viewport through presence, and follows another person's: their
 * tab and viewport, fitted to my screen. Any camera move I make myself stops
 * following; so does the person leaving.
 */
export function useFollow(session: BoardSession, control: ViewControl): Follow {
  const { camera, viewportSize } = control;
  const [leader, setLeader] = useState<{ clientId: number; name: string } | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const applying = useRef(false);
  const latest = useRef(control);
  latest.current = control;

  const publishViewport = useCallback(() => {
    const size = viewportSize();
    if (size.width > 0 && size.height > 0) session.setViewport(visibleWorldRect(camera.get(), size));
  }, [session, camera, viewportSize]);
  useEffect(() => camera.subscribe(publishViewport), [camera, publishViewport]);

  const moveTo = useCallback((view: BoardView, next: (size: Size) => Camera) => {
    // Re-entrant: publishing my viewport inside camera.set updates presence, which may call back here.
    const outer = applying.current;
    applying.current = true;
    try {
      if (view !== latest.current.view()) latest.current.switchView(view);
      const target = next(latest.current.viewportSize());
      if (!sameCamera(latest.current.camera.get(), target)) latest.current.camera.set(target);
    } finally {
      applying.current = outer;
    }
  }, []);

  // My own pan or zoom stops following: any camera move not made here, nor by the canvas keeping
  // what is under my resting pointer in place while the layout changes (someone else's edit).
  useEffect(() => {
    if (!leader) return;
    return camera.subscribe(() => {
      if (!applying.current && !keepingInPlace()) setLeader(null);
    });
  }, [camera, leader]);

  useEffect(() => {
    if (!leader) return;
    const apply = () => {
      const peer = leaderAmong(session.peers.get(), leader.clientId);
      if (!peer) {
        setLeader(null);
        setEnded(`${leader.name} left, so you are no longer following them`);
        return;
      }
      const viewport = peer.viewport;
      if (peer.view !== latest.current.view() || viewport) {
        moveTo(peer.view, (size) => (viewport ? cameraShowing(viewport, size) : latest.current.camera.get()));
      }
    };
    apply();
    return session.peers.subscribe(apply);
  }, [session, leader, moveTo]);

  return {
    leader,
    follow: (clientId) => {
      const peer = leaderAmong(session.peers.get(), clientId);
      setEnded(null);
      setLeader(peer ? { clientId, name: peer.user.name } : null);
    },
    stop: () => setLeader(null),
    ended,
    dismissEnded: () => setEnded(null),
    moveTo,
    publishViewport,
  };
}
