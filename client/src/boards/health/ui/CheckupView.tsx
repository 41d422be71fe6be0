import { useEffect, useMemo, useRef, useState } from 'react';
import { HEALTH_LEVELS, LEVEL_LABELS, PRINCIPLE_TITLES, type HealthLevel, type HealthPrinciple, type Partner } from '@pc/shared';
import type { BoardContext } from '../../types';
import { CommitInput } from '../../../ui-kit/inputs';
import { useValue } from '../../../lib/hooks';
import { clearRating, rateItem } from '../healthActions';
import { submitAnonymousRating } from '../healthApi';
import type { ChartGroup, ChartSeries } from '../model/chartLayout';
import { ScoreChart } from './ScoreChart';
import type { HealthModel } from './useHealthModel';

const OVERALL = '__overall';
const OVERALL_COLOUR = '#1f2937';
const SOURCE_LABELS = { 'stakeholder-map': 'Stakeholder map', 'skills-matrix': 'Skills matrix', 'logic-model': 'Logic model', 'review-points': 'Review points' } as const;

const fmt = (score: number | null | undefined) => (score === null || score === undefined ? '–' : String(score));

/** The element's width in pixels, kept up to date. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The six principles with a score per partner and overall, as a chart and as a table with the same figures. */
function Scores({ model }: { model: HealthModel }) {
  const { summary, partners, meta } = model;
  const series: ChartSeries[] = useMemo(
    () => [...(meta.healthAnonymous ? [] : partners.map((p) => ({ id: p.id, label: p.name, colour: p.colour }))), { id: OVERALL, label: 'Overall', colour: OVERALL_COLOUR }],
    [partners, meta.healthAnonymous],
  );
  const groups: ChartGroup[] = useMemo(
    () =>
      summary.principles.map((p) => ({
        label: `P${p.principle}`,
        values: new Map<string, number | null>([...(meta.healthAnonymous ? [] : [...p.byPartner]), [OVERALL, p.overall]]),
      })),
    [summary, meta.healthAnonymous],
  );
  const [box, width] = useWidth();
  return (
    <div className="health-scores" ref={box}>
      <ScoreChart groups={groups} series={series} width={Math.max(360, Math.min(width - 30, 60 + groups.length * (24 + series.length * 18)))} height={240} />
      <table className="health-table" aria-label="Health scores by principle">
        <caption>Scores out of 100 (fully = 100, partly = 50, not yet = 0; over the items rated). Spread: 2 means one partner says fully and another not yet.</caption>
        <thead>
          <tr>
            <th scope="col">Principle</th>
            {series.map((s) => (
              <th scope="col" key={s.id}>
                {s.label}
              </th>
            ))}
            <th scope="col">Spread</th>
          </tr>
        </thead>
        <tbody>
          {summary.principles.map((p) => (
            <tr key={p.principle} data-principle={`P${p.principle}`}>
              <th scope="row" title={PRINCIPLE_TITLES[p.principle]}>
                P{p.principle} {PRINCIPLE_TITLES[p.principle]}
              </th>
              {series.map((s) => (
                <td key={s.id} data-series={s.label}>
                  {fmt(s.id === OVERALL ? p.overall : p.byPartner.get(s.id))}
                </td>
              ))}
              <td className={p.spread === 2 ? 'health-disagree' : undefined}>{p.overall === null ? '–' : p.spread}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All principles</th>
            <td colSpan={series.length} data-series="Overall total">
              {fmt(summary.overall)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function anonymousKey(boardId: string) {
  return `pc.health.myAnonymousRatings.${boardId}`;
}

function loadMine(boardId: string): Record<string, HealthLevel> {
  try {
    return JSON.parse(localStorage.getItem(anonymousKey(boardId)) ?? '{}') as Record<string, HealthLevel>;
  } catch {
    return {};
  }
}

interface ItemRowProps {
  ctx: BoardContext;
  model: HealthModel;
  itemId: string;
  speaker: Partner | null;
  mine: Record<string, HealthLevel>;
  onAnonymous(itemId: string, level: HealthLevel | null): void;
}

function ItemRow({ ctx, model, itemId, speaker, mine, onAnonymous }: ItemRowProps) {
  const { session, editable } = ctx;
  const item = model.items.find((i) => i.id === itemId)!;
  const evidence = model.evidence.get(itemId);
  const score = model.summary.items.get(itemId);
  const anonymous = model.meta.healthAnonymous;
  const responses = model.responses.filter((r) => r.itemId === itemId);
  const own = speaker ? (anonymous ? (mine[`${itemId}:${speaker.id}`] ?? null) : (responses.find((r) => r.partnerId === speaker.id) ?? null)) : null;
  const ownLevel = own === null ? null : typeof own === 'string' ? own : own.level;
  const ownRecord = own !== null && typeof own !== 'string' ? own : null;
  const partnerById = new Map(model.partners.map((p) => [p.id, p]));
  const choose = (level: HealthLevel) => {
    if (!speaker) return;
    const next = ownLevel === level ? null : level;
    if (anonymous) onAnonymous(itemId, next);
    else if (next === null) clearRating(session, itemId, speaker.id);
    else rateItem(session, itemId, speaker.id, { level: next });
  };
  return (
    <li className="health-item" data-item-id={itemId}>
      <div className="health-item-main">
        <p className="health-item-text">{item.text}</p>
        {evidence && (
          <p className={`health-evidence level-${evidence.level}`} data-rule={evidence.rule}>
            <span className="health-evidence-badge">From the boards: {LEVEL_LABELS[evidence.level]}</span> {evidence.summary}
            <span className="health-evidence-source"> ({SOURCE_LABELS[evidence.source]})</span>
          </p>
        )}
        <div className="health-others" aria-label="Ratings given">
          {anonymous ? (
            <span className="health-counts">
              {score && score.rated > 0 ? HEALTH_LEVELS.filter((l) => score.counts[l] > 0).map((l) => `${score.counts[l]} ${LEVEL_LABELS[l].toLowerCase()}`).join(' · ') : 'No ratings yet'}
              {score && score.spread === 2 ? ' · partners disagree' : ''}
            </span>
          ) : responses.length === 0 ? (
            <span className="health-counts">No ratings yet</span>
          ) : (
            responses
              .filter((r) => partnerById.has(r.partnerId))
              .map((r) => {
                const p = partnerById.get(r.partnerId)!;
                return (
                  <span key={r.id} className={`health-chip level-${r.level}`} style={{ borderColor: p.colour }} title={r.note || undefined}>
                    <span className="health-swatch" style={{ background: p.colour }} />
                    {p.name}: {LEVEL_LABELS[r.level]}
                    {r.evidenceUrl && (
                      <a href={r.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" className="health-link">
                        evidence
                      </a>
                    )}
                  </span>
                );
              })
          )}
          {!anonymous && score && score.spread === 2 && <span className="health-disagree-note">Partners disagree</span>}
        </div>
      </div>
      <div className="health-rate">
        <div role="radiogroup" aria-label={speaker ? `${speaker.name}'s rating of: ${item.text}` : `Rating of: ${item.text}`} className="health-levels">
          {HEALTH_LEVELS.map((level) => (
            <button
              key={level}
              type="button"
              role="radio"
              aria-checked={ownLevel === level}
              className={`health-level level-${level}${ownLevel === level ? ' chosen' : ''}`}
              disabled={!editable || !speaker}
              onClick={() => choose(level)}
            >
              {LEVEL_LABELS[level]}
            </button>
          ))}
        </div>
        {!anonymous && speaker && editable && (
          <details className="health-more">
            <summary>Note and evidence</summary>
            <label>
              Note
              <CommitInput value={ownRecord?.note ?? ''} maxLength={10_000} onCommit={(note) => rateItem(session, itemId, speaker.id, { note })} />
            </label>
            <EvidenceLinkField value={ownRecord?.evidenceUrl ?? ''} onCommit={(evidenceUrl) => rateItem(session, itemId, speaker.id, { evidenceUrl })} />
          </details>
        )}
      </div>
    </li>
  );
}

function EvidenceLinkField({ value, onCommit }: { value: string; onCommit(next: string): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label>
      Evidence link
      <CommitInput
        type="url"
        value={value}
        placeholder="https://"
        aria-invalid={problem !== null}
        onCommit={(next) => {
          const trimmed = next.trim();
          if (trimmed !== '' && !/^https?:\/\/[^\s]+$/i.test(trimmed)) {
            setProblem('Use a link that starts with http:// or https://');
            return;
          }
          setProblem(null);
          onCommit(trimmed);
        }}
      />
      {problem && <span className="health-problem" role="alert">{problem}</span>}
    </label>
  );
}

export function CheckupView({ ctx, model }: { ctx: BoardContext; model: HealthModel }) {
  const { session } = ctx;
  const speakerId = useValue(model.store.speakingFor);
  const speaker = model.partners.find((p) => p.id === speakerId) ?? null;
  const [mine, setMine] = useState(() => loadMine(session.options.boardId));
  const [error, setError] = useState<string | null>(null);
  const onAnonymous = (itemId: string, level: HealthLevel | null) => {
    if (!speaker) return;
    setError(null);
    submitAnonymousRating(session.options.boardId, session.options.token, { itemId, partnerId: speaker.id, level })
      .then(() => {
        const next = { ...mine };
        if (level === null) delete next[`${itemId}:${speaker.id}`];
        else next[`${itemId}:${speaker.id}`] = level;
        setMine(next);
        try {
          localStorage.setItem(anonymousKey(session.options.boardId), JSON.stringify(next));
        } catch {
          // Kept for this visit only.
        }
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'The rating was not saved; try again.'));
  };
  const principles = model.summary.principles;
  return (
    <div className="health-checkup">
      <div className="health-speaker">
        <label>
          I am rating for
          <select
            value={speaker?.id ?? ''}
            onChange={(e) => {
              model.store.speakFor(e.target.value || null);
            }}
          >
            <option value="">Choose a partner…</option>
            {model.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {model.partners.length === 0 && <span className="health-hint">Add the partners first (Partners, top right): each partner rates every item.</span>}
        {model.meta.healthAnonymous && <span className="health-hint">Ratings are anonymous on this board: others see only how many partners chose each level.</span>}
        {error && (
          <span className="health-problem" role="alert">
            {error}
          </span>
        )}
      </div>
      <Scores model={model} />
      {principles.map((p) => {
        const items = model.items.filter((i) => i.principle === p.principle);
        return (
          <section key={p.principle} className="health-principle" aria-labelledby={`principle-${p.principle}`}>
            <h3 id={`principle-${p.principle}`}>
              <span>
                Principle {p.principle}: {PRINCIPLE_TITLES[p.principle as HealthPrinciple]}
              </span>
              <span className="health-principle-score">Overall {fmt(p.overall)}</span>
            </h3>
            <ul className="health-items">
              {items.map((item) => (
                <ItemRow key={item.id} ctx={ctx} model={model} itemId={item.id} speaker={speaker} mine={mine} onAnonymous={onAnonymous} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
