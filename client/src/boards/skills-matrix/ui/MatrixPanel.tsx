import { OffersHelp } from './OffersHelp';
import { useMemo, useState } from 'react';
import { findByName, updateRecord, type Partner, type Stakeholder, COVERAGE_WARNING_TEXT, type RowAnalysis, levelLabel } from '@pc/shared';
import { removePartner } from '../../partners/partnerActions';
import type { BoardContext } from '../../types';
import type { BoardSession } from '../../../collab/session';
import { addProspectivePartner, deleteGroup, renameGroup } from '../matrixActions';
import { useLockedFor } from '../../../collab/locks';
import { LockIcon } from '../../../ui-kit/icons';
import type { MatrixSelection, MatrixSnapshot, MatrixStore } from '../matrixStore';
import { gapText } from '../model/cellText';
import { candidatesForRows } from '../model/offers';
import { CellInspector } from './CellInspector';
import { CommitField, RowEditor } from './RowEditor';
import { useMatrix } from './useMatrix';
import './skills-matrix.css';

const LIST_LIMIT = 12;

function RowStatus({ analysis }: { analysis: RowAnalysis | undefined }) {
  if (!analysis) return null;
  return (
    <div className="row-status">
      <dl>
        <div>
          <dt>Required</dt>
          <dd>{analysis.required}</dd>
        </div>
        <div>
          <dt>Best available</dt>
          <dd>{analysis.bestAvailable}</dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd className={analysis.gap > 0 ? 'gap' : undefined}>{gapText(analysis.gap)}</dd>
        </div>
      </dl>
      {analysis.warnings.length > 0 ? (
        <ul className="warning-list">
          {analysis.warnings.map((warning) => (
            <li key={warning} className={warning}>
              <span className={`warn-icon ${warning}`} aria-hidden="true" />
              <span>
                <strong>{COVERAGE_WARNING_TEXT[warning].label}.</strong> {COVERAGE_WARNING_TEXT[warning].explanation}
              </span>
            </li>
          ))}
        </ul>
      ) : analysis.gap > 0 || analysis.meetingPartnerIds.length === 0 ? (
        <p className="below">
          No partner is at the required level yet ({analysis.required} {levelLabel(analysis.required).toLowerCase()}); the best is{' '}
          {analysis.bestAvailable} {levelLabel(analysis.bestAvailable).toLowerCase()}.
        </p>
      ) : (
        <p className="covered">
          Covered by {analysis.meetingPartnerIds.length} partners at {levelLabel(Math.max(1, analysis.required)).toLowerCase()} or above.
        </p>
      )}
    </div>
  );
}

function GroupEditor({ session, store, editable, selection, snapshot }: { session: BoardSession; store: MatrixStore; editable: boolean; selection: Extract<MatrixSelection, { kind: 'group' }>; snapshot: MatrixSnapshot }) {
  const [confirm, setConfirm] = useState(false);
  const band = snapshot.layout.bands.find((b) => b.kind !== 'row' && b.key === selection.key);
  const collapsed = band && band.kind !== 'row' ? band.collapsed : false;
  return (
    <section className="matrix-section" aria-labelledby="matrix-group-title">
      <h3 id="matrix-group-title">
        {selection.isCategory ? 'Category' : 'Group'}: {selection.label || 'Group'}
      </h3>
      <p className="muted small">{band && band.kind !== 'row' ? `${band.rowCount} rows` : 'No rows'}</p>
      <button type="button" className="button small" onClick={() => store.toggleCollapsed(selection.key)}>
        {collapsed ? 'Expand' : 'Collapse'}
      </button>
      {!selection.isCategory && editable && (
        <>
          <CommitField
            label="Group name"
            value={selection.label}
            disabled={!editable}
            onCommit={(name) => {
              if (!name.trim()) return;
              renameGroup(session, selection.category, selection.label, name);
              store.select(null);
            }}
          />
          <div className="matrix-actions">
            <button
              type="button"
              className="button small"
              onClick={() => {
                deleteGroup(session, selection.category, selection.label);
                store.select(null);
              }}
            >
              Remove group, keep rows
            </button>
            {confirm ? (
              <button
                type="button"
                className="button small danger"
                onClick={() => {
                  deleteGroup(session, selection.category, selection.label, { deleteRows: true });
                  store.select(null);
                }}
              >
                Delete group and rows
              </button>
            ) : (
              <button type="button" className="button small" onClick={() => setConfirm(true)}>
                Delete…
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function PartnerEditor({ session, store, editable, partner }: { session: BoardSession; store: MatrixStore; editable: boolean; partner: Partner }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <section className="matrix-section" aria-labelledby="matrix-partner-title">
      <h3 id="matrix-partner-title">
        <span className="partner-dot" style={{ background: partner.colour }} aria-hidden="true" />
        {partner.name}
      </h3>
      <CommitField
        label="Partner name"
        value={partner.name}
        disabled={!editable}
        onCommit={(name) => name.trim() && updateRecord(session.doc, 'partners', partner.id, { name: name.trim() }, session.localOrigin)}
      />
      {editable && (
        <div className="matrix-actions">
          {confirm ? (
            <button
              type="button"
              className="button small danger"
              onClick={() => {
                removePartner(session, partner.id);
                store.select(null);
              }}
            >
              Remove {partner.name} and its column
            </button>
          ) : (
            <button type="button" className="button small" onClick={() => setConfirm(true)}>
              Remove partner…
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Selection({ context, store, snapshot }: { context: BoardContext; store: MatrixStore; snapshot: MatrixSnapshot }) {
  const { ui } = useMatrix(context.session);
  const selection = ui.selection;
  const { session } = context;
  // What a facilitator's lock holds is shown read-only, with the reason: a row with its cells, a partner's column, the whole tab.
  const lockedId = selection?.kind === 'cell' ? `${selection.rowId}:${selection.partnerId}` : selection?.kind === 'row' ? selection.rowId : selection?.kind === 'partner' ? selection.partnerId : null;
  const locked = useLockedFor(session, 'skills-matrix', lockedId);
  const editable = context.editable && locked === null;
  const lockLine = locked && context.editable ? (
    <p className="lock-line" role="status">
      <LockIcon /> {locked}.
    </p>
  ) : null;
  return (
    <>
      {lockLine}
      <SelectionEditor context={context} editable={editable} store={store} snapshot={snapshot} />
    </>
  );
}

function SelectionEditor({ context, editable, store, snapshot }: { context: BoardContext; editable: boolean; store: MatrixStore; snapshot: MatrixSnapshot }) {
  const { ui } = useMatrix(context.session);
  const selection = ui.selection;
  const { session } = context;
  if (selection?.kind === 'cell') {
    const row = snapshot.rowById.get(selection.rowId);
    const partner = snapshot.partnerById.get(selection.partnerId);
    if (row && partner) {
      return (
        <>
          <CellInspector key={`${row.id}:${partner.id}`} session={session} store={store} editable={editable} row={row} partner={partner} cells={snapshot.cells} noteTick={ui.noteTick} />
          <RowStatus analysis={snapshot.analysis.byRowId.get(row.id)} />
        </>
      );
    }
  } else if (selection?.kind === 'row') {
    const row = snapshot.rowById.get(selection.rowId);
    if (row) {
      return (
        <>
          <RowEditor session={session} store={store} editable={editable} row={row} />
          <RowStatus analysis={snapshot.analysis.byRowId.get(row.id)} />
        </>
      );
    }
  } else if (selection?.kind === 'group') {
    return <GroupEditor key={selection.key} session={session} store={store} editable={editable} selection={selection} snapshot={snapshot} />;
  } else if (selection?.kind === 'partner') {
    const partner = snapshot.partnerById.get(selection.partnerId);
    if (partner) return <PartnerEditor key={partner.id} session={session} store={store} editable={editable} partner={partner} />;
  }
  return (
    <section className="matrix-section">
      <p className="muted small">
        {snapshot.empty
          ? 'Add partners and rows with the buttons above the matrix.'
          : editable
            ? 'Click a cell (or Tab into the matrix) and type 0–4 for the level, G for gives, R for wants to receive, Enter for the capacity note. Arrow keys move.'
            : 'Click a cell to see its level, flags and capacity note.'}
      </p>
    </section>
  );
}

function Matches({ store, snapshot, selectedRowId }: { store: MatrixStore; snapshot: MatrixSnapshot; selectedRowId: string | null }) {
  const [all, setAll] = useState(false);
  const matches = store.matches(snapshot);
  const ordered = useMemo(
    () => (selectedRowId ? [...matches.filter((m) => m.rowId === selectedRowId), ...matches.filter((m) => m.rowId !== selectedRowId)] : matches),
    [matches, selectedRowId],
  );
  const shown = all ? ordered : ordered.slice(0, LIST_LIMIT);
  return (
    <section className="matrix-section" aria-labelledby="matrix-matches-title">
      <h3 id="matrix-matches-title">
        Matches <span className="count">{matches.length}</span>
      </h3>
      {matches.length === 0 ? (
        <p className="muted small">When one partner gives what another wants to receive, the pairing shows here.</p>
      ) : (
        <ul className="match-list" aria-label="Suggested matches">
          {shown.map((m) => (
            <li key={`${m.rowId}:${m.giverId}:${m.receiverId}`} data-row-id={m.rowId} className={m.rowId === selectedRowId ? 'current' : undefined}>
              <span className="partner-dot" style={{ background: snapshot.partnerById.get(m.giverId)?.colour }} aria-hidden="true" />
              {m.sentence}
            </li>
          ))}
        </ul>
      )}
      {ordered.length > LIST_LIMIT && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${ordered.length}`}
        </button>
      )}
    </section>
  );
}

/** A partner already on the board under the name the stakeholder would join as (or its own name): the import's name rule. */
function samePartner(partners: readonly Partner[], stakeholder: Pick<Stakeholder, 'id' | 'name' | 'organisation'>): Partner | undefined {
  const others = partners.filter((p) => p.stakeholderId !== stakeholder.id);
  return findByName(others, stakeholder.organisation.trim() || stakeholder.name) ?? findByName(others, stakeholder.name);
}

function WhoCouldBringThis({ context, snapshot, selectedRowId }: { context: BoardContext; snapshot: MatrixSnapshot; selectedRowId: string | null }) {
  const [all, setAll] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ stakeholderId: string; partnerName: string } | null>(null);
  const { session, editable } = context;
  const add = (stakeholderId: string) => {
    setDuplicate(null);
    const partner = addProspectivePartner(session, stakeholderId);
    setAdded(`${partner.name} joined as a prospective partner: fill in its column.`);
  };
  const gapRows = useMemo(() => {
    const rows = snapshot.rows.filter((row) => {
      const a = snapshot.analysis.byRowId.get(row.id);
      return a !== undefined && (a.gap > 0 || a.warnings.includes('nobodyHasIt'));
    });
    const selected = rows.find((r) => r.id === selectedRowId);
    return selected ? [selected, ...rows.filter((r) => r !== selected)] : rows;
  }, [snapshot, selectedRowId]);
  const candidates = useMemo(() => candidatesForRows(gapRows, snapshot.stakeholders, { limit: 3 }), [gapRows, snapshot.stakeholders]);
  const withCandidates = gapRows.filter((r) => (candidates.get(r.id)?.length ?? 0) > 0);
  const shown = all ? withCandidates : withCandidates.slice(0, 6);
  return (
    <section className="matrix-section" aria-labelledby="matrix-bring-title">
      <h3 id="matrix-bring-title">Who could bring this?</h3>
      {gapRows.length === 0 ? (
        <p className="muted small">No gaps: every row is held at its required level.</p>
      ) : withCandidates.length === 0 ? (
        <OffersHelp gapRows={gapRows} />
      ) : (
        <ul className="bring-list" aria-label="Who could bring this">
          {shown.map((row) => (
            <li key={row.id} data-row-id={row.id} className={row.id === selectedRowId ? 'current' : undefined}>
              <p className="bring-row">
                <strong>{row.name}</strong> <span className="gap-badge">{gapText(snapshot.analysis.byRowId.get(row.id)?.gap ?? 0)}</span>
              </p>
              <ul>
                {candidates.get(row.id)!.map(({ stakeholder, matchedTokens }) => (
                  <li key={stakeholder.id} data-stakeholder-id={stakeholder.id}>
                    <span className="bring-name">
                      {stakeholder.name}
                      {stakeholder.organisation && stakeholder.organisation !== stakeholder.name ? <span className="muted">, {stakeholder.organisation}</span> : null}
                    </span>
                    <span className="bring-offer muted small" title={stakeholder.offers}>
                      offers {matchedTokens.join(', ')}
                    </span>
                    {editable &&
                      (duplicate?.stakeholderId === stakeholder.id ? (
                        <div className="bring-duplicate" role="alert">
                          <p>
                            A partner called “{duplicate.partnerName}” is already on the board. Adding “{stakeholder.name}” too gives the matrix a second column for what may be the same organisation.
                          </p>
                          <div className="dialog-actions">
                            <button type="button" className="button small" onClick={() => setDuplicate(null)} autoFocus>
                              Cancel
                            </button>
                            <button type="button" className="button small" onClick={() => add(stakeholder.id)}>
                              Add anyway
                            </button>
                          </div>
                        </div>
                      ) : (
                        <button
                          type="button"
                          className="button small"
                          onClick={() => {
                            const existing = samePartner(snapshot.partners, stakeholder);
                            if (existing) setDuplicate({ stakeholderId: stakeholder.id, partnerName: existing.name });
                            else add(stakeholder.id);
                          }}
                        >
                          Add as prospective partner
                        </button>
                      ))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {withCandidates.length > 6 && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${withCandidates.length}`}
        </button>
      )}
      <p className="muted small" aria-live="polite">
        {added}
      </p>
    </section>
  );
}

/** The matrix's side panel: the selected cell, row, group or partner, the matches and the gap suggestions. */
export function MatrixPanel(context: BoardContext) {
  const { store, snapshot, ui } = useMatrix(context.session);
  const selection = ui.selection;
  const selectedRowId = selection && (selection.kind === 'cell' || selection.kind === 'row') ? selection.rowId : null;
  return (
    <aside className="matrix-panel" aria-label="Skills matrix details" tabIndex={0}>
      <Selection context={context} store={store} snapshot={snapshot} />
      {!snapshot.empty && <Matches store={store} snapshot={snapshot} selectedRowId={selectedRowId} />}
      {!snapshot.empty && <WhoCouldBringThis context={context} snapshot={snapshot} selectedRowId={selectedRowId} />}
    </aside>
  );
}
