import { useEscapeToClose } from '../../../ui-kit/useEscapeToClose';
import { useMemo, useState } from 'react';
import { ACTIVITY_STATUSES, type LogicNode, buildActionPlan, filterByPartner, sortActionPlan, type ActionPlanSortKey, type SortDirection } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { updateCard } from './actions';
import { PartnerChecklist, PartnerPicker } from './PartnerPicker';
import type { LogicModelSnapshot } from './store';
import { STATUS_LABEL } from './theme';

/** Today as YYYY-MM-DD in the person's own time zone (what "overdue" means to them). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const SORTABLE: { key: ActionPlanSortKey; label: string }[] = [
  { key: 'activity', label: 'Activity' },
  { key: 'lead', label: 'Lead partner' },
  { key: 'supporting', label: 'Supporting partners' },
  { key: 'dueDate', label: 'Due' },
  { key: 'status', label: 'Status' },
  { key: 'linkedOutcomes', label: 'Leads to outcomes' },
];

interface ActionPlanViewProps {
  session: BoardSession;
  model: LogicModelSnapshot;
  editable: boolean;
  onClose(): void;
  onShowCard(id: string): void;
}

/**
 * The live action plan: one row per activity card, edited in place. There is no
 * second copy of anything: every edit writes the activity card itself.
 */
export function ActionPlanView({ session, model, editable, onClose, onShowCard }: ActionPlanViewProps) {
  const [partnerFilter, setPartnerFilter] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<{ key: ActionPlanSortKey; direction: SortDirection }>({ key: 'order', direction: 'asc' });
  const today = localToday();
  const rows = useMemo(() => {
    let list = buildActionPlan({ nodes: model.nodes, links: model.links, partners: model.partners }, today);
    if (partnerFilter) list = filterByPartner(list, partnerFilter);
    if (overdueOnly) list = list.filter((r) => r.overdue);
    return sortActionPlan(list, sort.key, sort.direction);
  }, [model.nodes, model.links, model.partners, today, partnerFilter, overdueOnly, sort]);
  const overdueCount = useMemo(() => buildActionPlan({ nodes: model.nodes, links: model.links, partners: model.partners }, today).filter((r) => r.overdue).length, [model, today]);

  useEscapeToClose(onClose);

  const write = (id: string, patch: Partial<Pick<LogicNode, 'leadPartnerId' | 'supportingPartnerIds' | 'dueDate' | 'status'>>) => {
    session.stopCapturing();
    updateCard(session, id, patch);
  };

  return (
    <section className="lm-plan" aria-label="Action plan">
      <header className="lm-plan-header">
        <div>
          <h2>Action plan</h2>
          <p className="muted small">Every activity of the logic model, with who leads it and when it is due. Changes here update the cards.</p>
        </div>
        <span className="spacer" />
        <label className="lm-inline-field">
          <span>Partner</span>
          <select aria-label="Filter by partner" value={partnerFilter} onChange={(e) => setPartnerFilter(e.target.value)}>
            <option value="">All partners</option>
            {model.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="lm-inline-check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          Overdue only{overdueCount > 0 ? ` (${overdueCount})` : ''}
        </label>
        <button type="button" className="button small" onClick={onClose}>
          Back to the model
        </button>
      </header>
      <div className="lm-plan-scroll">
        <table className="lm-plan-table">
          <thead>
            <tr>
              {SORTABLE.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th key={c.key} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button
                      type="button"
                      className="lm-sort"
                      onClick={() => setSort(active ? { key: c.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key: c.key, direction: 'asc' })}
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={SORTABLE.length} className="lm-plan-empty">
                  {model.nodes.some((n) => n.column === 'activities') ? 'No activities match this filter.' : 'No activities yet. Add cards to the Activities column of the model.'}
                </td>
              </tr>
            )}
            {rows.map((row) => {
              const node = model.nodesById.get(row.nodeId);
              return (
                <tr key={row.nodeId} data-node-id={row.nodeId} className={row.overdue ? 'overdue' : undefined}>
                  <th scope="row">
                    <button type="button" className="lm-row-title" onClick={() => onShowCard(row.nodeId)} title="Show on the model">
                      {row.activity.trim() || 'Untitled activity'}
                    </button>
                  </th>
                  <td>
                    <PartnerPicker
                      session={session}
                      partners={model.partners}
                      value={row.leadPartnerId}
                      label={`Lead partner of ${row.activity || 'activity'}`}
                      disabled={!editable}
                      onChange={(id) => write(row.nodeId, { leadPartnerId: id })}
                    />
                  </td>
                  <td>
                    <details className="lm-popover">
                      <summary>{row.supportingPartnerNames.length ? row.supportingPartnerNames.join(', ') : <span className="muted">None</span>}</summary>
                      <PartnerChecklist
                        partners={model.partners}
                        value={node?.supportingPartnerIds ?? []}
                        leadId={row.leadPartnerId}
                        label={`Supporting partners of ${row.activity || 'activity'}`}
                        disabled={!editable}
                        onChange={(ids) => write(row.nodeId, { supportingPartnerIds: ids })}
                      />
                    </details>
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`Due date of ${row.activity || 'activity'}`}
                      value={row.dueDate}
                      disabled={!editable}
                      onChange={(e) => write(row.nodeId, { dueDate: e.target.value })}
                    />
                    {row.overdue && <span className="lm-overdue">Overdue</span>}
                  </td>
                  <td>
                    <select
                      aria-label={`Status of ${row.activity || 'activity'}`}
                      value={row.status}
                      disabled={!editable}
                      className={`lm-status lm-status-${row.status}`}
                      onChange={(e) => write(row.nodeId, { status: e.target.value as LogicNode['status'] })}
                    >
                      {ACTIVITY_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {STATUS_LABEL[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{row.linkedOutcomeTexts.length ? row.linkedOutcomeTexts.map((t) => t.trim() || 'Untitled outcome').join('; ') : <span className="muted">None yet</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
