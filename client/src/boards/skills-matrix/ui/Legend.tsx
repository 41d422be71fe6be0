import { COVERAGE_WARNINGS, COVERAGE_WARNING_TEXT, levelLegend } from '@pc/shared';

/** The level scale with its anchors, the give/receive markers and the warning icons. */
export function Legend({ onClose }: { onClose(): void }) {
  return (
    <section className="matrix-legend" aria-label="Matrix legend">
      <ol className="legend-levels" aria-label="Levels">
        {levelLegend().map((entry) => (
          <li key={entry.level} title={entry.description}>
            <span className="legend-swatch" style={{ background: entry.fill, color: entry.text }} aria-hidden="true">
              {entry.level}
            </span>
            {entry.title.replace(/^\d /, '')}
          </li>
        ))}
      </ol>
      <ul className="legend-marks">
        <li>
          <span className="mark gives" aria-hidden="true" /> gives
        </li>
        <li>
          <span className="mark receives" aria-hidden="true" /> wants to receive
        </li>
        {COVERAGE_WARNINGS.map((warning) => (
          <li key={warning} title={COVERAGE_WARNING_TEXT[warning].explanation}>
            <span className={`warn-icon ${warning}`} aria-hidden="true" /> {COVERAGE_WARNING_TEXT[warning].label}
          </li>
        ))}
      </ul>
      <button type="button" className="icon-button legend-close" aria-label="Hide legend" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
