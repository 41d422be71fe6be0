import { useMemo, useState } from 'react';
import { CONTACT_FREQUENCIES, type Partner, type Stakeholder } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { updateStakeholder } from '../actions';
import {
  CONTACT_STATUS_LABELS,
  deriveCommsPlan,
  localIsoDate,
  sortCommsPlan,
  type CommsPlanColumn,
  type SortDirection,
} from '../model/commsPlan';
import type { MapUi } from './mapStore';
import { CommitInput, useWheelIsolation } from '../../../ui-kit/inputs';
import { useEscapeToClose } from '../../../ui-kit/useEscapeToClose';

const COLUMNS: { key: CommsPlanColumn; label: string }[] = [
  { key: 'name', label: 'Stakeholder' },
  { key: 'owners', label: 'Owning partner' },
  { key: 'channel', label: 'Channel' },
  { key: 'frequency', label: 'Frequency' },
  { key: 'nextContact', label: 'Next contact' },
  { key: 'status', label: 'Status' },
];

const CHANNEL_SUGGESTIONS = ['Email', 'Meeting', 'Phone', 'Newsletter', 'Briefing paper', 'Workshop', 'Site visit', 'Social media'];

/**
 * The communications plan as a table derived from the records: editing a cell
 * edits the stakeholder, so the plan can never drift from the map.
 */
export function CommsPlanTable({ session, editable, ui, stakeholders, partners }: { session: BoardSession; editable: boolean; ui: MapUi; stakeholders: readonly Stakeholder[]; partners: readonly Partner[] }) {
  const [sort, setSort] = useState<{ column: CommsPlanColumn; direction: SortDirection }>({ column: 'status', direction: 'asc' });
  const today = localIsoDate(new Date());
  const rows = useMemo(() => sortCommsPlan(deriveCommsPlan(stakeholders, partners, today), sort.column, sort.direction), [stakeholders, partners, today, sort]);
  const byId = useMemo(() => new Map(stakeholders.map((s) => [s.id, s])), [stakeholders]);
  const overdue = rows.filter((r) => r.overdue).length;
  const ref = useWheelIsolation<HTMLDivElement>();
  useEscapeToClose(() => ui.update({ mode: 'map' }));
  const write = (id: string, patch: Parameters<typeof updateStakeholder>[2]) => {
    session.stopCapturing();
    updateStakeholder(session, id, patch);
  };

  return (
    <div ref={ref} className="sm-float sm-comms" role="region" aria-labelledby="sm-comms-title">
      <header className="sm-comms-header">
        <h2 id="sm-comms-title">Communications plan</h2>
        <span className="sm-count-text">
          {rows.length} stakeholder{rows.length === 1 ? '' : 's'}
          {overdue > 0 && <strong className="sm-overdue-count"> · {overdue} overdue</strong>}
        </span>
      </header>
      <table className="sm-table" aria-labelledby="sm-comms-title">
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const active = sort.column === col.key;
              return (
                <th key={col.key} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    onClick={() => setSort(active ? { column: col.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { column: col.key, direction: 'asc' })}
                  >
                    {col.label}
                    <span aria-hidden="true" className="sm-sort">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const s = byId.get(row.stakeholderId);
            return (
              <tr key={row.stakeholderId} data-stakeholder-id={row.stakeholderId} data-status={row.status}>
                <th scope="row">
                  <button type="button" className="sm-row-name" onClick={() => ui.update({ selectedId: row.stakeholderId })}>
                    {row.name}
                  </button>
                  {row.organisation && <span className="sm-sub">{row.organisation}</span>}
                </th>
                <td>
                  {editable && s && s.ownerPartnerIds.length <= 1 ? (
                    <select
                      aria-label={`Owning partner of ${row.name}`}
                      value={row.ownerIds[0] ?? ''}
                      onChange={(event) => write(row.stakeholderId, { ownerPartnerIds: event.target.value ? [event.target.value] : [] })}
                    >
                      <option value="">No owner</option>
                      {partners.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    row.ownerNames.join(', ') || <span className="sm-sub">No owner</span>
                  )}
                </td>
                <td>
                  {editable ? (
                    <CommitInput aria-label={`Channel for ${row.name}`} placeholder="Add a channel" list="sm-channels" value={row.channel} onCommit={(channel) => write(row.stakeholderId, { channel })} />
                  ) : (
                    row.channel
                  )}
                </td>
                <td>
                  {editable ? (
                    <select aria-label={`Contact frequency for ${row.name}`} value={row.frequency} onChange={(event) => write(row.stakeholderId, { frequency: event.target.value as (typeof CONTACT_FREQUENCIES)[number] })}>
                      {CONTACT_FREQUENCIES.map((f) => (
                        <option key={f} value={f}>
                          {f === '' ? 'Not set' : f.charAt(0).toUpperCase() + f.slice(1)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    row.frequency
                  )}
                </td>
                <td>
                  {editable ? (
                    <input type="date" aria-label={`Next contact with ${row.name}`} value={row.nextContact} onChange={(event) => write(row.stakeholderId, { nextContact: event.target.value })} />
                  ) : (
                    row.nextContact
                  )}
                </td>
                <td>
                  <span className={`sm-status sm-status-${row.status}`} data-overdue={row.overdue || undefined}>
                    {row.overdue && <span aria-hidden="true">⚠ </span>}
                    {CONTACT_STATUS_LABELS[row.status]}
                    {row.daysUntil !== null && row.status !== 'dueToday' && (
                      <span className="sm-sub"> {row.daysUntil < 0 ? `${-row.daysUntil} d late` : `in ${row.daysUntil} d`}</span>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="sm-hint sm-empty">No stakeholders match. Add some in the side panel, or clear the filter.</p>}
      <datalist id="sm-channels">
        {CHANNEL_SUGGESTIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </div>
  );
}
