import { SEVERITIES, type CheckResult } from '@pc/shared';
import { memo, useRef, useState } from 'react';
import type { BoardContext } from '../../types';
import { checkStatus } from '../model/checkStatus';
import { CardDetails, LinkDetails } from './CardDetails';
import { LogicOutline } from './LogicOutline';
import { cardHeld } from './lockGuard';
import { NO_REPORT, useLogicModel, useLogicUi, type LogicModelSnapshot } from './store';
import { SEVERITY_LABEL } from './theme';
import './logic-model.css';

/** Beside the canvas: the selected card's details, every check result, and the accessible outline. */
export function LogicSidePanel(ctx: BoardContext) {
  const { session, editable } = ctx;
  const model = useLogicModel(session);
  const [ui, setUi] = useLogicUi(session);
  if (model.template === null) {
    return (
      <section className="lm-panel" aria-label="Logic model">
        <div className="item-panel-header">
          <h2>Logic model</h2>
        </div>
        <p className="muted small lm-pad">Not started yet. Choose a template on the canvas to begin.</p>
      </section>
    );
  }
  const selected = ui.selectedId ? model.nodesById.get(ui.selectedId) : undefined;
  const selectedLink = ui.selectedLinkId ? model.links.find((l) => l.id === ui.selectedLinkId) : undefined;

  const selectCard = (id: string | null, reveal = true) => {
    setUi({ selectedId: id, selectedLinkId: null });
    const box = id ? model.layout?.cards.get(id) : undefined;
    if (box && reveal) ctx.reveal(box);
  };

  return (
    <section className="lm-panel" aria-label="Logic model">
      {selected && (
        <CardDetails
          key={selected.id}
          session={session}
          model={model}
          node={selected}
          editable={editable}
          onSelect={(id) => selectCard(id)}
          onSelectLink={(id) => setUi({ selectedLinkId: id, selectedId: null })}
        />
      )}
      {!selected && selectedLink && (
        <LinkDetails
          key={selectedLink.id}
          session={session}
          model={model}
          link={selectedLink}
          editable={editable}
          onClose={() => setUi({ selectedLinkId: null })}
          onSelectCard={(id) => selectCard(id)}
        />
      )}
      <ChecksPanel model={model} selectedId={ui.selectedId} onSelect={(id) => selectCard(id)} />
      <LogicOutline ctx={ctx} model={model} selectedId={ui.selectedId} onSelect={selectCard} onEdit={(id) => !cardHeld(session, id) && setUi({ selectedId: id, editingId: id, actionPlanOpen: false })} />
    </section>
  );
}

/** Results listed before "Show all". */
const CHECKS_SHOWN = 200;

function ChecksPanel({ model, selectedId, onSelect }: { model: LogicModelSnapshot; selectedId: string | null; onSelect(id: string): void }) {
  const { results, counts } = model.report;
  const select = useRef(onSelect);
  select.current = onSelect;
  const [showAll, setShowAll] = useState(false);
  const status = checkStatus(model.shownTemplate!, model.nodes.length, results.length);
  // A large model's first checks come a frame after it is drawn.
  const firstCheck = model.checking && model.report === NO_REPORT;
  // Thousands of results cannot be read in a 260-pixel box; every card's own checks are in the outline anyway.
  const shown = showAll || results.length <= CHECKS_SHOWN ? results : results.slice(0, CHECKS_SHOWN);
  return (
    <section className="lm-checks" aria-labelledby="lm-checks-title">
      <div className="item-panel-header">
        <h2 id="lm-checks-title">Checks</h2>
        <span className="count">{firstCheck ? 'checking…' : status.kind === 'empty' ? 'nothing yet' : results.length === 0 ? 'all clear' : SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}${counts[s] === 1 ? '' : 's'}`).join(' · ')}</span>
      </div>
      {firstCheck ? (
        <p className="lm-pad small muted" data-testid="checks-running">
          Checking the model…
        </p>
      ) : status.kind === 'empty' ? (
        <div className="lm-pad lm-nothing-yet-panel" data-testid="checks-empty">
          <p className="lm-nothing-yet-title">{status.title}</p>
          <p className="small">{status.next}</p>
        </div>
      ) : results.length === 0 ? (
        <p className="lm-all-clear lm-pad" data-testid="checks-clear">
          ✓ No problems found. Every outcome has a path from an activity, every activity has a lead partner, and everything measured has an indicator.
        </p>
      ) : (
        <ul
          className="lm-check-list"
          aria-label="Check results"
          onClick={(event) => {
            const first = (event.target as Element).closest<HTMLElement>('li[data-first]')?.dataset.first;
            if (first) select.current(first);
          }}
        >
          {shown.map((r) => (
            <CheckRow key={r.key} result={r} selected={r.nodeIds[0] !== undefined && r.nodeIds[0] === selectedId} />
          ))}
        </ul>
      )}
      {shown.length < results.length && (
        <p className="lm-pad small">
          Showing the first {shown.length} of {results.length}.{' '}
          <button type="button" className="link-button" onClick={() => setShowAll(true)}>
            Show all {results.length} checks
          </button>
        </p>
      )}
    </section>
  );
}

/** One check in the list; memoised, so selecting a card re-renders two rows, not thousands. */
const CheckRow = memo(function CheckRow({ result: r, selected }: { result: CheckResult; selected: boolean }) {
  const first = r.nodeIds[0];
  return (
    <li data-rule={r.rule} data-severity={r.severity} data-first={first} className={selected ? 'selected' : undefined}>
      <button type="button" disabled={!first}>
        <span className="lm-dot" aria-hidden="true" />
        <span>
          <span className="sr-only">{SEVERITY_LABEL[r.severity]}: </span>
          {r.message}
        </span>
      </button>
    </li>
  );
}, (a, b) => a.selected === b.selected && a.result.key === b.result.key && a.result.message === b.result.message && a.result.nodeIds[0] === b.result.nodeIds[0]);
