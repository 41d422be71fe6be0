import { useCallback, useState } from 'react';
import { ACTIVITY_STATUSES, MAX_LIST, type LogicLink, type LogicNode, classifyLink, cardLabel, columnLabel, COLUMN_FACTS } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { addLink, removeCard, removeLink, setLinkRationale, updateCard } from './actions';
import { CommitInput, CommitTextarea } from '../../../ui-kit/inputs';
import { PartnerChecklist, PartnerPicker } from './PartnerPicker';
import type { LogicModelSnapshot } from './store';
import { useLockedFor } from '../../../collab/locks';
import { LockIcon } from '../../../ui-kit/icons';
import { SEVERITY_COLOUR, STATUS_LABEL } from './theme';
import { SelectField, type SelectOption } from '../../../ui-kit/SelectField';
import { linkCandidates } from '../model/linkCandidates';
import { SearchPicker } from '../../../ui-kit/SearchPicker';

/** How many cards the link picker offers at once. */
const LINK_CHOICES = 8;

const STATUS_OPTIONS: SelectOption<LogicNode['status']>[] = ACTIVITY_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }));

interface CardDetailsProps {
  session: BoardSession;
  model: LogicModelSnapshot;
  node: LogicNode;
  editable: boolean;
  onSelect(id: string | null): void;
  onSelectLink(id: string): void;
}

/** The selected card's fields: text, indicators, partners, needs, dates, status and links. */
export function CardDetails({ session, model, node, editable: linkEditable, onSelect, onSelectLink }: CardDetailsProps) {
  // A card held by a facilitator's lock is shown read-only, with the reason.
  const locked = useLockedFor(session, 'logic-model', node.id);
  const editable = linkEditable && locked === null;
  const template = model.template;
  const facts = COLUMN_FACTS[node.column];
  const results = model.report.byNode.get(node.id) ?? [];
  const outgoing = model.links.filter((l) => l.from === node.id && model.graph.links.has(l.id));
  const incoming = model.links.filter((l) => l.to === node.id && model.graph.links.has(l.id));
  const write = (patch: Parameters<typeof updateCard>[2]) => {
    session.stopCapturing();
    updateCard(session, node.id, patch);
  };
  const disabled = !editable;

  return (
    <section className="lm-details" aria-label="Selected card">
      <header className="lm-details-header">
        <span className="lm-eyebrow">{columnLabel(node.column, template)}</span>
        <button type="button" className="icon-button" aria-label="Close card details" onClick={() => onSelect(null)}>
          ×
        </button>
      </header>
      {locked && linkEditable && (
        <p className="lock-line" role="status">
          <LockIcon /> {locked}.
        </p>
      )}
      <label className="lm-field">
        <span>Text</span>
        <CommitTextarea aria-label="Card text" rows={3} value={node.text} disabled={disabled} maxLength={10_000} onCommit={(text) => write({ text })} />
      </label>

      {results.length > 0 && (
        <ul className="lm-card-checks" aria-label="Checks on this card">
          {results.map((r) => (
            <li key={r.key}>
              <span className="lm-dot" style={{ background: SEVERITY_COLOUR[r.severity] }} aria-hidden="true" />
              {r.message}
            </li>
          ))}
        </ul>
      )}

      {facts.carriesIndicators && <IndicatorsEditor node={node} disabled={disabled} onChange={(indicators) => write({ indicators })} />}

      {node.column === 'activities' && (
        <>
          <label className="lm-field">
            <span>Lead partner</span>
            <PartnerPicker session={session} partners={model.partners} value={node.leadPartnerId} label="Lead partner" disabled={disabled} onChange={(id) => write({ leadPartnerId: id })} />
          </label>
          <div className="lm-field">
            <span>Supporting partners</span>
            <PartnerChecklist
              partners={model.partners}
              value={node.supportingPartnerIds}
              leadId={node.leadPartnerId}
              label="Supporting partners"
              disabled={disabled}
              onChange={(ids) => write({ supportingPartnerIds: ids })}
            />
          </div>
          <NeedsEditor model={model} node={node} disabled={disabled} onChange={(ids) => write({ matrixRowIds: ids })} />
          <div className="lm-field-row">
            <label className="lm-field">
              <span>Due date</span>
              <input type="date" aria-label="Due date" value={node.dueDate} disabled={disabled} onChange={(e) => write({ dueDate: e.target.value })} />
            </label>
            <SelectField className="lm-field" label="Status" value={node.status} options={STATUS_OPTIONS} disabled={disabled} onChange={(status) => write({ status })} />
          </div>
        </>
      )}

      <LinkList title="Leads to" links={outgoing} end="to" session={session} model={model} editable={editable} onSelectLink={onSelectLink} />
      <LinkList title="Comes from" links={incoming} end="from" session={session} model={model} editable={editable} onSelectLink={onSelectLink} />
      {editable && <AddLink session={session} model={model} node={node} />}

      {editable && (
        <button
          type="button"
          className="button small lm-danger"
          onClick={() => {
            removeCard(session, node.id);
            onSelect(null);
          }}
        >
          Delete card
        </button>
      )}
    </section>
  );
}

function IndicatorsEditor({ node, disabled, onChange }: { node: LogicNode; disabled: boolean; onChange(list: string[]): void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text || node.indicators.length >= MAX_LIST) return;
    onChange([...node.indicators, text]);
    setDraft('');
  };
  return (
    <div className="lm-field">
      <span>Indicators</span>
      {node.indicators.length === 0 && <p className="lm-empty-note">How will you know this has happened? e.g. "80% of participants report more confidence".</p>}
      <ul className="lm-indicators" aria-label="Indicators">
        {node.indicators.map((indicator, i) => (
          <li key={i}>
            <CommitInput
              aria-label={`Indicator ${i + 1}`}
              value={indicator}
              disabled={disabled}
              maxLength={200}
              onCommit={(text) => onChange(text.trim() === '' ? node.indicators.filter((_, j) => j !== i) : node.indicators.map((v, j) => (j === i ? text : v)))}
            />
            {!disabled && (
              <button type="button" className="icon-button danger" aria-label={`Remove indicator ${i + 1}`} onClick={() => onChange(node.indicators.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <span className="lm-add-row">
          <input
            aria-label="New indicator"
            placeholder="Add an indicator"
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={add}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button small" onClick={add} disabled={!draft.trim()}>
            Add indicator
          </button>
        </span>
      )}
    </div>
  );
}

function NeedsEditor({ model, node, disabled, onChange }: { model: LogicModelSnapshot; node: LogicNode; disabled: boolean; onChange(ids: string[]): void }) {
  const partnerIds = new Set(model.partners.map((p) => p.id));
  const given = new Set(model.matrixCells.filter((c) => c.gives && partnerIds.has(c.partnerId)).map((c) => c.rowId));
  return (
    <div className="lm-field">
      <span>Needs from the skills matrix</span>
      {model.matrixRows.length === 0 ? (
        <p className="lm-empty-note">No skills or resources in the skills matrix yet.</p>
      ) : (
        <fieldset className="lm-checklist" aria-label="Needed skills and resources">
          {model.matrixRows.map((row) => (
            <label key={row.id}>
              <input
                type="checkbox"
                disabled={disabled}
                checked={node.matrixRowIds.includes(row.id)}
                onChange={(e) => onChange(e.target.checked ? [...node.matrixRowIds, row.id] : node.matrixRowIds.filter((id) => id !== row.id))}
              />
              {row.name}
              {!given.has(row.id) && <span className="lm-tag">no partner gives this</span>}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function LinkList({ title, links, end, session, model, editable, onSelectLink }: { title: string; links: LogicLink[]; end: 'from' | 'to'; session: BoardSession; model: LogicModelSnapshot; editable: boolean; onSelectLink(id: string): void }) {
  if (links.length === 0) return null;
  return (
    <div className="lm-field">
      <span>{title}</span>
      <ul className="lm-links">
        {links.map((l) => {
          const other = model.nodesById.get(l[end]);
          const kind = classifyLink(model.graph, l);
          return (
            <li key={l.id}>
              <div className="lm-link-head">
                <button type="button" className="lm-link-target" onClick={() => onSelectLink(l.id)}>
                  {other ? cardLabel(other, model.template) : 'a deleted card'}
                </button>
                {kind?.direction === 'backward' && <span className="lm-tag warn">runs backwards</span>}
                {editable && (
                  <button type="button" className="icon-button danger" aria-label={`Remove link ${title.toLowerCase()} ${other?.text ?? ''}`} onClick={() => removeLink(session, l.id)}>
                    ×
                  </button>
                )}
              </div>
              <CommitInput
                aria-label="Rationale"
                placeholder="Why does this lead there? (rationale)"
                value={l.rationale}
                disabled={!editable}
                maxLength={10_000}
                onCommit={(text) => setLinkRationale(session, l.id, text)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Keyboard way to draw a link: find the card this one leads to by typing (the next columns' cards come first). */
function AddLink({ session, model, node }: { session: BoardSession; model: LogicModelSnapshot; node: LogicNode }) {
  const label = (n: LogicNode) => `${columnLabel(n.column, model.template)}: ${n.text.trim().slice(0, 80) || 'untitled'}`;
  const search = useCallback(
    (query: string) => linkCandidates(model.nodes, model.links, node, query, (n) => `${columnLabel(n.column, model.template)} ${n.text}`, LINK_CHOICES),
    [model.nodes, model.links, model.template, node],
  );
  return (
    <SearchPicker
      className="lm-field"
      heading="Add a link to…"
      label="Link this card to"
      placeholder="Type to find a card"
      listLabel="Cards to link to"
      search={search}
      keyOf={(n) => n.id}
      text={label}
      emptyText="No other card to link to."
      onPick={(target) => (addLink(session, node.id, target.id).ok ? `Linked to ${label(target)}.` : 'Those cards are already linked.')}
    />
  );
}

export function LinkDetails({ session, model, link, editable: linkEditable, onClose, onSelectCard }: { session: BoardSession; model: LogicModelSnapshot; link: LogicLink; editable: boolean; onClose(): void; onSelectCard(id: string): void }) {
  const locked = useLockedFor(session, 'logic-model', link.id);
  const editable = linkEditable && locked === null;
  const from = model.nodesById.get(link.from);
  const to = model.nodesById.get(link.to);
  const kind = classifyLink(model.graph, link);
  return (
    <section className="lm-details" aria-label="Selected link">
      <header className="lm-details-header">
        <span className="lm-eyebrow">Causal link</span>
        <button type="button" className="icon-button" aria-label="Close link details" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="lm-link-summary">
        <button type="button" className="lm-link-target" onClick={() => from && onSelectCard(from.id)}>
          {from ? cardLabel(from, model.template) : 'a deleted card'}
        </button>{' '}
        leads to{' '}
        <button type="button" className="lm-link-target" onClick={() => to && onSelectCard(to.id)}>
          {to ? cardLabel(to, model.template) : 'a deleted card'}
        </button>
      </p>
      {kind?.direction === 'backward' && <p className="lm-tag warn">This link runs backwards, from a later column to an earlier one.</p>}
      {kind?.direction === 'annotation' && <p className="lm-empty-note">Links to assumptions and external factors note a dependency, not a cause.</p>}
      <label className="lm-field">
        <span>Rationale</span>
        <CommitTextarea
          aria-label="Link rationale"
          rows={3}
          placeholder="Why does one lead to the other? Evidence, experience, research."
          value={link.rationale}
          disabled={!editable}
          maxLength={10_000}
          onCommit={(text) => setLinkRationale(session, link.id, text)}
        />
      </label>
      {editable && (
        <button
          type="button"
          className="button small lm-danger"
          onClick={() => {
            removeLink(session, link.id);
            onClose();
          }}
        >
          Delete link
        </button>
      )}
    </section>
  );
}
