import type { SummonControl } from './useSummon';

/** "Moved to Ada's view", with a way back. */
export function SummonBanner({ summon }: { summon: SummonControl }) {
  if (!summon.notice) return null;
  return (
    <div className="facilitation-banner summon-banner" role="status" aria-live="polite">
      <span>Moved to {summon.notice.by}’s view.</span>
      <button type="button" className="button small" onClick={summon.goBack}>
        Go back
      </button>
      <button type="button" className="button small" onClick={summon.dismiss}>
        Stay here
      </button>
    </div>
  );
}
