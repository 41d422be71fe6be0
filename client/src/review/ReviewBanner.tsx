import type { ReviewPointSummary } from './api';
import { formatReviewDate } from './format';

/** Says, on every tab, that the board shown is a saved review point and cannot be edited. */
export function ReviewBanner({ point, onBack }: { point: ReviewPointSummary; onBack(): void }) {
  return (
    <div className="rp-banner" role="status" aria-live="polite">
      <span>
        Viewing {point.name} (read-only) — saved {formatReviewDate(point.createdAt)}
        {point.author ? ` by ${point.author}` : ''}
      </span>
      <button type="button" className="button small" onClick={onBack}>
        Back to live
      </button>
    </div>
  );
}
