import type { BoardSession } from '../collab/session';
import './facilitation.css';
import type { SummonControl } from './summon/useSummon';
import { TimerControl } from './timer/TimerControl';

/** The header's facilitation controls: the timer for everyone, "Bring everyone here" for the owner. */
export function FacilitationControls({ session, isOwner, name, summon }: { session: BoardSession; isOwner: boolean; name: string; summon: SummonControl }) {
  return (
    <>
      <TimerControl session={session} isOwner={isOwner} name={name} />
      {isOwner && (
        <button type="button" className="button small" onClick={summon.summonHere} title="Move everyone on this board to your tab and view">
          Bring everyone here
        </button>
      )}
    </>
  );
}
