import { useShortcuts } from '../../canvas/useShortcuts';
import type { Follow } from './useFollow';

/** Says whom I follow, with Stop; or why following ended. */
export function FollowBanner({ follow }: { follow: Follow }) {
  useShortcuts([
    { group: 'People', keys: 'Escape', description: 'Stop following', match: (e) => e.key === 'Escape' && follow.leader !== null, run: (e) => {
      e.preventDefault();
      follow.stop();
    } },
  ]);
  if (follow.leader) {
    return (
      <div className="facilitation-banner follow-banner" role="status" aria-live="polite" title="Pan or zoom to look around on your own">
        <span>
          Following <strong>{follow.leader.name}</strong>
        </span>
        <button type="button" className="button small" onClick={follow.stop}>
          Stop following
        </button>
      </div>
    );
  }
  if (follow.ended) {
    return (
      <div className="facilitation-banner" role="status" aria-live="polite">
        <span>{follow.ended}.</span>
        <button type="button" className="button small" onClick={follow.dismissEnded}>
          OK
        </button>
      </div>
    );
  }
  return null;
}
