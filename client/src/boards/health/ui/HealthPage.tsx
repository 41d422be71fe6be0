import { lazy, Suspense, useEffect, useState } from 'react';
import { HEALTH_REVIEW_INTERVAL_DAYS } from '@pc/shared';
import type { BoardContext } from '../../types';
import { CommitInput } from '../../../ui-kit/inputs';
import { setAnonymousRatings, setReviewInterval } from '../healthActions';
import { healthStore } from '../healthStore';
import { CheckupView } from './CheckupView';
import { StagesView } from './StagesView';
import { useHealthModel, type HealthModel } from './useHealthModel';
import './health.css';

// The agreement editor (ProseMirror and its Yjs binding, a sixth of the app's code) loads when first shown, not with every board.
const AgreementView = lazy(() => import('./AgreementView').then((module) => ({ default: module.AgreementView })));

type Section = 'checkup' | 'stages' | 'agreement';
const SECTIONS: { key: Section; label: string }[] = [
  { key: 'checkup', label: 'Check-up' },
  { key: 'stages', label: 'Stages' },
  { key: 'agreement', label: 'Agreement' },
];
const REVIEW_POINT_POLL_MS = 60_000;

/** Keep the review point dates fresh while any part of the health tab (or its reminder) is shown. */
function useReviewPointPolling(ctx: BoardContext): void {
  useEffect(() => {
    const store = healthStore(ctx.session);
    void store.refreshReviewPoints();
    const timer = setInterval(() => void store.refreshReviewPoints(), REVIEW_POINT_POLL_MS);
    return () => clearInterval(timer);
  }, [ctx.session]);
}

function Settings({ ctx, model }: { ctx: BoardContext; model: HealthModel }) {
  const owner = ctx.role === 'owner';
  const { meta } = model;
  return (
    <details className="health-settings">
      <summary>Settings{owner ? '' : ' (the owner changes these)'}</summary>
      <label className="health-setting">
        <input
          type="checkbox"
          checked={meta.healthAnonymous}
          disabled={!owner}
          onChange={(e) => {
            const on = e.target.checked;
            if (on && model.responses.length > 0 && !window.confirm(`Turn on anonymous ratings? The ${model.responses.length} named ratings on this board will be removed; partners rate again anonymously.`)) return;
            setAnonymousRatings(ctx.session, on);
          }}
        />
        Anonymous ratings: others see only how many partners chose each level, never who
      </label>
      <label className="health-setting">
        Review items are due every
        <CommitInput
          type="number"
          min={HEALTH_REVIEW_INTERVAL_DAYS.min}
          max={HEALTH_REVIEW_INTERVAL_DAYS.max}
          value={String(meta.healthReviewIntervalDays)}
          disabled={!owner}
          aria-label="Review interval in days"
          onCommit={(next) => {
            const days = Math.round(Number(next));
            if (Number.isFinite(days) && days >= HEALTH_REVIEW_INTERVAL_DAYS.min && days <= HEALTH_REVIEW_INTERVAL_DAYS.max) setReviewInterval(ctx.session, days);
          }}
        />
        days
      </label>
    </details>
  );
}

/** The reminder the board shows when a review item of the Compass is older than the review interval. */
export function ReviewDueNotice(ctx: BoardContext) {
  useReviewPointPolling(ctx);
  const model = useHealthModel(ctx.session);
  if (model.due.length === 0) return null;
  const never = model.due.filter((d) => d.lastReviewed === null).length;
  return (
    <p className="health-review-due" role="status" title={model.due.map((d) => d.text).join('\n')}>
      <strong>Review due:</strong> {model.due.length} review {model.due.length === 1 ? 'item is' : 'items are'} older than {model.meta.healthReviewIntervalDays} days{never ? ` (${never} never rated)` : ''}. See the Health tab.
    </p>
  );
}

/** The partnership health tab: the Compass check-up, stages between partners, the agreement. */
export function HealthPage(ctx: BoardContext) {
  const model = useHealthModel(ctx.session);
  const [section, setSection] = useState<Section>('checkup');
  return (
    <div className="health-page">
      <div className="health-head">
        <div className="health-sections" role="tablist" aria-label="Partnership health">
          {SECTIONS.map((s) => (
            <button key={s.key} type="button" role="tab" aria-selected={section === s.key} className={`health-section-tab${section === s.key ? ' chosen' : ''}`} onClick={() => setSection(s.key)}>
              {s.label}
            </button>
          ))}
        </div>
        <Settings ctx={ctx} model={model} />
      </div>
      {model.due.length > 0 && (
        <div className="health-due-list" role="status">
          <strong>Review due</strong> (every {model.meta.healthReviewIntervalDays} days):
          <ul>
            {model.due.map((d) => (
              <li key={d.itemId}>
                {d.text}: {d.ageDays === null ? 'never rated' : `last rated ${d.ageDays} days ago`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="health-content">
        {section === 'checkup' && <CheckupView ctx={ctx} model={model} />}
        {section === 'stages' && <StagesView ctx={ctx} model={model} />}
        {section === 'agreement' && (
          <Suspense fallback={<p className="muted small">Opening the agreement…</p>}>
            <AgreementView ctx={ctx} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
