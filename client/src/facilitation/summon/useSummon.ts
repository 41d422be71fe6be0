import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardView } from '@pc/shared';
import { visibleWorldRect, type Camera } from '../../canvas/camera';
import type { BoardSession } from '../../collab/session';
import { useMetaField } from '../../collab/useMeta';
import { useValue } from '../../lib/hooks';
import { writeSummon } from '../facilitationActions';
import { cameraShowing } from '../follow/followMath';
import type { Follow, ViewControl } from '../follow/useFollow';
import { serverClock } from '../../collab/serverClock';
import { nextSummonSeq, shouldMove } from './summonMath';

export interface SummonNotice {
  by: string;
  /** Where I was, to go back to. */
  from: { view: BoardView; camera: Camera };
}

export interface SummonControl {
  notice: SummonNotice | null;
  goBack(): void;
  dismiss(): void;
  /** Owner: bring everyone to my tab and view. */
  summonHere(): void;
}

/**
 * "Bring everyone here": the owner writes where they are (`meta.summon`); every
 * other client moves there once per summon, keeps where it was so the person
 * can go back, and shows "Moved to <owner>'s view".
 */
export function useSummon(session: BoardSession, control: ViewControl, follow: Follow, name: string): SummonControl {
  const summon = useMetaField(session, 'summon');
  const synced = useValue(session.connection).synced;
  const [notice, setNotice] = useState<SummonNotice | null>(null);
  /** The last summon handled; null until the board has synced (what was there on opening is never acted on). */
  const lastSeen = useRef<number | null>(null);
  const latest = useRef({ control, follow });
  latest.current = { control, follow };

  useEffect(() => {
    if (lastSeen.current === null) {
      if (synced) lastSeen.current = summon?.seq ?? 0;
      return;
    }
    if (!summon || !shouldMove(summon, lastSeen.current, serverClock().now(), false)) {
      if (summon) lastSeen.current = Math.max(lastSeen.current, summon.seq);
      return;
    }
    lastSeen.current = summon.seq;
    const { control: c, follow: f } = latest.current;
    const from = { view: c.view(), camera: c.camera.get() };
    f.stop();
    f.moveTo(summon.view, (size) => cameraShowing(summon.viewport, size));
    setNotice({ by: summon.by || 'The facilitator', from });
  }, [summon, synced]);

  const summonHere = useCallback(() => {
    const { control: c } = latest.current;
    const size = c.viewportSize();
    if (size.width === 0) return;
    const seq = nextSummonSeq(summon);
    lastSeen.current = Math.max(lastSeen.current ?? 0, seq);
    writeSummon(session, { seq, view: c.view(), viewport: visibleWorldRect(c.camera.get(), size), by: name, at: serverClock().now() });
  }, [session, summon, name]);

  return {
    notice,
    goBack: () => {
      if (!notice) return;
      const { follow: f } = latest.current;
      f.moveTo(notice.from.view, () => notice.from.camera);
      setNotice(null);
    },
    dismiss: () => setNotice(null),
    summonHere,
  };
}
