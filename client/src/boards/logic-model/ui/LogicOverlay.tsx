import { canSwitchTemplate, LOGIC_TEMPLATES_BY_ID, type LogicLink, type LogicNode, type LogicTemplateId } from '@pc/shared';
import { lockedFor, tabLockedFor, useTemplateLocked } from '../../../collab/locks';
import { useCollection } from '../../../collab/useCollection';
import type { BoardSession } from '../../../collab/session';
import { useEffect } from 'react';
import type { BoardContext } from '../../types';
import { InPlaceTextEditor } from '../../../canvas/InPlaceTextEditor';
import type { CardBox } from '../model/columnLayout';
import { checkStatus } from '../model/checkStatus';
import { chooseTemplate, removeCard, tidy, updateCard } from './actions';
import { finishTextEdit } from '../../../canvas/textEdit';
import { ActionPlanView } from './ActionPlanView';
import { CARD } from './cardMetrics';
import { FONT_FAMILY } from '../../../lib/theme';
import { frameModel } from './framing';
import { NO_REPORT, useLogicModel, useLogicUi } from './store';
import { SEVERITY_COLOUR, SEVERITY_LABEL } from './theme';
import './logic-model.css';

/** DOM over the canvas: the template chooser, the board's toolbar, the card text editor and the action plan. */
export function LogicOverlay(ctx: BoardContext) {
  const { session, editable } = ctx;
  const model = useLogicModel(session);
  const [ui, setUi] = useLogicUi(session);

  useEffect(() => {
    if (!ui.notice) return;
    const timer = setTimeout(() => setUi({ notice: null }), 4000);
    return () => clearTimeout(timer);
  }, [ui.notice, setUi]);

  const editingBox = ui.editingId ? model.layout?.cards.get(ui.editingId) : undefined;
  const editingNode = ui.editingId ? model.nodesById.get(ui.editingId) : undefined;

  const showCard = (id: string) => {
    setUi({ selectedId: id, selectedLinkId: null, actionPlanOpen: false });
    const box = model.layout?.cards.get(id);
    if (box) ctx.reveal(box);
  };

  return (
    <div className="lm-overlay">
      {model.template === null ? (
        <TemplateChooser
          editable={editable}
          onChoose={(id) => {
            chooseTemplate(session, id);
            frameModel(ctx);
          }}
        />
      ) : (
        <LogicToolbar ctx={ctx} />
      )}
      {editable && editingBox && editingNode && !ui.actionPlanOpen && !lockedFor(session, 'logic-model', editingNode.id) && (
        <CardTextEditor
          key={editingNode.id}
          ctx={ctx}
          box={editingBox}
          text={editingNode.text}
          onCommit={(text) => {
            const outcome = finishTextEdit(editingNode.text, text);
            if (outcome.kind === 'write') updateCard(session, editingNode.id, { text: outcome.text });
            if (outcome.kind === 'remove') {
              removeCard(session, editingNode.id);
              setUi({ editingId: null, selectedId: null });
            } else setUi({ editingId: null });
          }}
        />
      )}
      {ui.actionPlanOpen && model.template !== null && (
        <ActionPlanView session={session} model={model} editable={editable} onClose={() => setUi({ actionPlanOpen: false })} onShowCard={showCard} />
      )}
      {ui.notice && (
        <div className="lm-notice" role="status">
          {ui.notice}
        </div>
      )}
    </div>
  );
}

function TemplateChooser({ editable, onChoose }: { editable: boolean; onChoose(id: LogicTemplateId): void }) {
  return (
    <section className="lm-chooser" aria-labelledby="lm-chooser-title">
      <h2 id="lm-chooser-title">Start your logic model</h2>
      <p className="muted">
        A logic model sets out your theory of change: what the partners put in, what you do together, and the changes you expect to see. Pick the
        layout that matches how you report; you can switch while the board is empty.
      </p>
      <div className="lm-chooser-options">
        {(['ess', 'kellogg'] as const).map((id) => {
          const template = LOGIC_TEMPLATES_BY_ID[id];
          return (
            <article key={id} className="lm-template">
              <h3>{template.name}</h3>
              <p className="small muted">{template.description}</p>
              <ol className="lm-template-columns" aria-label={`${template.name} columns`}>
                {template.columns.map((c) => (
                  <li key={c.key}>{c.label}</li>
                ))}
              </ol>
              <p className="small muted">Plus lanes for {template.lanes.map((l) => l.label.toLowerCase()).join(' and ')}.</p>
              {editable && (
                <button type="button" className="button primary" onClick={() => onChoose(id)}>
                  Use {id === 'ess' ? 'ESS / Wisconsin' : 'Kellogg'}
                </button>
              )}
            </article>
          );
        })}
      </div>
      {!editable && <p className="muted small">An editor of this board has not started the logic model yet.</p>}
    </section>
  );
}

function LogicToolbar({ ctx }: { ctx: BoardContext }) {
  const { session, editable } = ctx;
  const model = useLogicModel(session);
  const [ui, setUi] = useLogicUi(session);
  const template = model.template!;
  const counts = model.report.counts;
  const status = checkStatus(model.shownTemplate!, model.nodes.length, counts.error + counts.warning + counts.info);
  // A large model's first checks come a frame after it is drawn: say so rather than "all clear".
  const firstCheck = model.checking && model.report === NO_REPORT;

  // Locked template: the menu is off. Auto-tidy reorders every card, so any lock on the logic model turns it off too.
  const templateLocked = useTemplateLocked(session);
  const anyCardLocked = useLockValueOfCards(session, model.nodesById, model.links);
  const tidyLocked = templateLocked ?? anyCardLocked;

  const switchTo = (to: LogicTemplateId) => {
    // Picking the template the cards imply records it as the board's choice.
    if (to === template && model.templateChosen) return;
    const check = canSwitchTemplate(model.nodes, { from: template, to });
    if (!check.allowed) {
      setUi({ notice: check.reason });
      return;
    }
    chooseTemplate(session, to);
  };

  const runTidy = () => {
    const result = tidy(session, model.shownTemplate!.columns.map((c) => c.key));
    setUi({
      notice:
        result.moved === 0
          ? result.crossingsBefore === 0
            ? 'Already tidy: no links cross.'
            : 'Already as tidy as it gets.'
          : `Tidied: ${result.crossingsBefore} crossing${result.crossingsBefore === 1 ? '' : 's'} down to ${result.crossingsAfter}.`,
    });
  };

  return (
    <div className="lm-toolbar" role="toolbar" aria-label="Logic model tools">
      <label className="lm-inline-field">
        <span className="sr-only">Template</span>
        <select aria-label="Template" value={template} disabled={!editable || templateLocked !== null} title={templateLocked ?? undefined} onChange={(e) => switchTo(e.target.value as LogicTemplateId)}>
          <option value="ess">ESS / Wisconsin</option>
          <option value="kellogg">Kellogg</option>
        </select>
      </label>
      {!model.templateChosen && (
        <span className="small muted" title="No template was chosen for this board; its cards' columns suggest this one. Pick a template to keep it.">
          (from the cards)
        </span>
      )}
      {editable && (
        <button
          type="button"
          className="button small"
          onClick={runTidy}
          disabled={tidyLocked !== null}
          title={tidyLocked ? `${tidyLocked}: auto-tidy would move cards` : 'Reorder cards in their columns so fewer links cross'}
        >
          Auto-tidy
        </button>
      )}
      <button type="button" className="button small" aria-pressed={ui.actionPlanOpen} onClick={() => setUi({ actionPlanOpen: !ui.actionPlanOpen, editingId: null })}>
        {ui.actionPlanOpen ? 'Show model' : 'Action plan'}
      </button>
      <span className="lm-check-summary" aria-live="polite" data-errors={counts.error} data-warnings={counts.warning} data-infos={counts.info} aria-busy={firstCheck}>
        {firstCheck ? (
          <span className="lm-checking">Checking the model…</span>
        ) : status.kind === 'empty' ? (
          <span className="lm-nothing-yet" title={status.next}>
            {status.title}
          </span>
        ) : status.kind === 'clear' ? (
          <span className="lm-all-clear">✓ All checks clear</span>
        ) : (
          (['error', 'warning', 'info'] as const)
            .filter((s) => counts[s] > 0)
            .map((s) => (
              <span key={s} className="lm-count" title={`${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}${counts[s] === 1 ? '' : 's'}`}>
                <span className="lm-dot" style={{ background: SEVERITY_COLOUR[s] }} aria-hidden="true" />
                {counts[s]} {SEVERITY_LABEL[s].toLowerCase()}
                {counts[s] === 1 ? '' : 's'}
              </span>
            ))
        )}
      </span>
    </div>
  );
}

function CardTextEditor({ ctx, box, text, onCommit }: { ctx: BoardContext; box: CardBox; text: string; onCommit(text: string): void }) {
  return (
    <InPlaceTextEditor
      camera={ctx.camera}
      // At least a sticky note's height, so a short card still gets room to write.
      rect={{ ...box, height: Math.max(box.height, 120) }}
      text={text}
      label="Card text"
      className="lm-card-editor"
      placeholder="Write the card…"
      look={{ paddingX: CARD.padX, paddingY: CARD.padTop, fontSize: CARD.fontSize, lineHeight: CARD.lineHeight, fontFamily: FONT_FAMILY, radius: 8 }}
      onCommit={onCommit}
    />
  );
}

/** Why any card or link of the model is held by a lock now (a tab lock holds them all), or null. */
function useLockValueOfCards(session: BoardSession, nodes: ReadonlyMap<string, LogicNode>, links: readonly LogicLink[]): string | null {
  const locks = useCollection(session.collection('locks'));
  if (locks.length === 0) return null;
  const linkIds = new Set(links.map((l) => l.id));
  const lock = locks.find((l) => (l.kind === 'tab' && l.view === 'logic-model') || (l.kind === 'record' && l.recordId !== null && (nodes.has(l.recordId) || linkIds.has(l.recordId))));
  return lock?.recordId ? lockedFor(session, 'logic-model', lock.recordId) : lock ? tabLockedFor(session, 'logic-model') : null;
}
