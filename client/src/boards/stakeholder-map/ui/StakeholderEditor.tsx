import { CONTACT_FREQUENCIES, ENGAGEMENT_LEVELS, ONION_RINGS, RELATIONSHIP_DIRECTIONS, SECTORS, STAKEHOLDER_KINDS, type Partner, type RecordPatch, type Relationship, type Stakeholder, effectiveSalience, salienceClass, SALIENCE_DESCRIPTIONS, SALIENCE_LABELS, mendelowQuadrant, QUADRANT_LABELS, QUADRANT_STRATEGIES } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { MakePartnerButton } from './MakePartnerButton';
import {
  addRelationship,
  removeRelationship,
  removeStakeholder,
  RELATIONSHIP_TYPES,
  toggleOwner,
  updateRelationship,
  updateStakeholder,
} from '../actions';
import { engagementGap, NOT_ASSESSED_LABEL } from '../model/fields';
import { RING_LABELS } from '../model/onion';
import { compareByNameThenId } from '../model/text';
import { CommitInput, CommitTextarea } from '../../../ui-kit/inputs';
import { SelectField, type SelectOption } from '../../../ui-kit/SelectField';
import type { MapUi } from './mapStore';
import { useCallback, useState } from 'react';
import { SearchPicker } from '../../../ui-kit/SearchPicker';
import { matchesWords, queryWords, topMatches } from '../../../lib/topMatches';
import { useLockedFor } from '../../../collab/locks';
import { LockIcon } from '../../../ui-kit/icons';

/** How many stakeholders the relate-to picker offers at once. */
const RELATE_CHOICES = 8;
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ATTITUDES: [number, string][] = [
  [2, 'Champion (+2)'],
  [1, 'Supporter (+1)'],
  [0, 'Neutral (0)'],
  [-1, 'Sceptic (−1)'],
  [-2, 'Blocker (−2)'],
];
const ATTITUDE_OPTIONS: SelectOption<number>[] = ATTITUDES.map(([value, label]) => ({ value, label }));
const LEVEL_OPTIONS: SelectOption<number>[] = [4, 3, 2, 1, 0].map((level) => ({ value: level, label: String(level) }));
const RING_OPTIONS: SelectOption<NonNullable<Stakeholder['ring']>>[] = ONION_RINGS.map((ring) => ({ value: ring, label: RING_LABELS[ring] }));
const SECTOR_OPTIONS: SelectOption<NonNullable<Stakeholder['sector']>>[] = SECTORS.map((sector) => ({ value: sector, label: cap(sector) }));
const KIND_OPTIONS: SelectOption<Stakeholder['kind']>[] = STAKEHOLDER_KINDS.map((kind) => ({ value: kind, label: cap(kind) }));
const DIRECTION_LABELS: Record<(typeof RELATIONSHIP_DIRECTIONS)[number], string> = {
  forward: 'From → to',
  backward: 'To → from',
  both: 'Both ways',
  none: 'No direction',
};

interface EditorProps {
  session: BoardSession;
  editable: boolean;
  ui: MapUi;
  stakeholder: Stakeholder;
  stakeholders: readonly Stakeholder[];
  partners: readonly Partner[];
  relationships: readonly Relationship[];
}

/** Every field of one stakeholder, with what the map derives from them (quadrant strategy, salience class). */
export function StakeholderEditor({ session, editable: linkEditable, ui, stakeholder: s, stakeholders, partners, relationships }: EditorProps) {
  // A stakeholder held by a facilitator's lock is shown read-only, with the reason.
  const locked = useLockedFor(session, 'stakeholder-map', s.id);
  const editable = linkEditable && locked === null;
  const { doc, localOrigin } = session;
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: RecordPatch<'stakeholders'>) => {
    session.stopCapturing();
    try {
      updateStakeholder({ doc, localOrigin }, s.id, patch);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const quadrant = mendelowQuadrant(s.power, s.interest);
  const held = effectiveSalience(s);
  const salience = salienceClass(held);
  const gap = engagementGap(s);
  const partner = s.partnerId ? partners.find((p) => p.id === s.partnerId) : undefined;
  const nameOf = new Map(stakeholders.map((x) => [x.id, x.name]));
  const mine = relationships.filter((r) => r.from === s.id || r.to === s.id);
  const relateCandidates = useCallback(
    (query: string) => {
      const words = queryWords(query);
      return topMatches(stakeholders, (x) => x.id !== s.id && matchesWords(x.name, words), compareByNameThenId, RELATE_CHOICES);
    },
    [stakeholders, s.id],
  );
  const disabled = !editable;

  return (
    <section className="sm-editor" aria-labelledby="sm-editor-title" data-stakeholder-id={s.id}>
      <header className="sm-editor-header">
        <h3 id="sm-editor-title">Edit stakeholder</h3>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={() => ui.update({ selectedId: null })}>
          ×
        </button>
      </header>
      {locked && linkEditable && (
        <p className="lock-line" role="status">
          <LockIcon /> {locked}.
        </p>
      )}
      <label className="sm-field">
        <span>Name</span>
        <CommitInput id="stakeholder-editor-name" value={s.name} disabled={disabled} onCommit={(name) => name.trim() && set({ name })} />
      </label>
      <label className="sm-field">
        <span>Organisation</span>
        <CommitInput value={s.organisation} disabled={disabled} onCommit={(organisation) => set({ organisation })} />
      </label>

      <div className="sm-derived" aria-live="polite">
        <p data-quadrant={quadrant}>
          <strong>{QUADRANT_LABELS[quadrant]}</strong>
          <span>{QUADRANT_STRATEGIES[quadrant]}</span>
        </p>
        <p data-salience={salience}>
          <strong>Salience: {SALIENCE_LABELS[salience]}</strong>
          <span>{SALIENCE_DESCRIPTIONS[salience]}</span>
        </p>
      </div>

      <div className="sm-row">
        <SelectField className="sm-field sm-field-level" label="Power" value={s.power} options={LEVEL_OPTIONS} disabled={disabled} onChange={(power) => set({ power })} />
        <SelectField className="sm-field sm-field-level" label="Interest" value={s.interest} options={LEVEL_OPTIONS} disabled={disabled} onChange={(interest) => set({ interest })} />
        <SelectField className="sm-field" label="Attitude" value={s.attitude} options={ATTITUDE_OPTIONS} nullLabel={NOT_ASSESSED_LABEL} disabled={disabled} onChange={(attitude) => set({ attitude })} />
      </div>
      <div className="sm-row">
        <SelectField className="sm-field" label="Onion ring" value={s.ring} options={RING_OPTIONS} nullLabel={NOT_ASSESSED_LABEL} disabled={disabled} onChange={(ring) => set({ ring })} />
        <SelectField className="sm-field" label="Sector" value={s.sector} options={SECTOR_OPTIONS} nullLabel={NOT_ASSESSED_LABEL} disabled={disabled} onChange={(sector) => set({ sector })} />
        <SelectField className="sm-field" label="Kind" value={s.kind} options={KIND_OPTIONS} disabled={disabled} onChange={(kind) => set({ kind })} />
      </div>

      <fieldset className="sm-fieldset">
        <legend>Engagement {gap > 0 ? <span className="sm-badge">{gap} step{gap === 1 ? '' : 's'} to go</span> : gap === 0 ? <span className="sm-badge ok">On target</span> : <span className="sm-badge">Beyond target</span>}</legend>
        <div className="sm-row">
          <label className="sm-field">
            <span>Current</span>
            <select aria-label="Current engagement" value={s.engagementCurrent} disabled={disabled} onChange={(e) => set({ engagementCurrent: e.target.value as Stakeholder['engagementCurrent'] })}>
              {ENGAGEMENT_LEVELS.map((x) => (
                <option key={x} value={x}>{cap(x)}</option>
              ))}
            </select>
          </label>
          <label className="sm-field">
            <span>Target</span>
            <select aria-label="Target engagement" value={s.engagementTarget} disabled={disabled} onChange={(e) => set({ engagementTarget: e.target.value as Stakeholder['engagementTarget'] })}>
              {ENGAGEMENT_LEVELS.map((x) => (
                <option key={x} value={x}>{cap(x)}</option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>

      <fieldset className="sm-fieldset">
        <legend>Salience attributes</legend>
        {(s.saliencePower === null || s.salienceLegitimacy === null) && <p className="sm-hint">Power and legitimacy follow the power and interest levels (3 or more) until you tick them.</p>}
        <div className="sm-checks inline">
          <label>
            <input type="checkbox" checked={held.saliencePower === true} disabled={disabled} onChange={(e) => set({ saliencePower: e.target.checked })} /> Has power
          </label>
          <label>
            <input type="checkbox" checked={held.salienceLegitimacy === true} disabled={disabled} onChange={(e) => set({ salienceLegitimacy: e.target.checked })} /> Legitimate claim
          </label>
          <label>
            <input type="checkbox" checked={s.salienceUrgency} disabled={disabled} onChange={(e) => set({ salienceUrgency: e.target.checked })} /> Urgent claim
          </label>
        </div>
      </fieldset>

      <fieldset className="sm-fieldset">
        <legend>Who holds the relationship</legend>
        {partners.length === 0 ? (
          <p className="sm-hint">Add the partnership’s organisations with the Partners button in the header.</p>
        ) : (
          <div className="sm-checks">
            {partners.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={s.ownerPartnerIds.includes(p.id)} disabled={disabled} onChange={() => {
                  session.stopCapturing();
                  toggleOwner({ doc, localOrigin }, s, p.id);
                }} />
                <span className="sm-swatch" style={{ background: p.colour }} aria-hidden="true" /> {p.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="sm-fieldset">
        <legend>Communication</legend>
        <div className="sm-row">
          <label className="sm-field">
            <span>Channel</span>
            <CommitInput list="sm-editor-channels" value={s.channel} disabled={disabled} onCommit={(channel) => set({ channel })} />
          </label>
          <label className="sm-field">
            <span>Frequency</span>
            <select aria-label="Contact frequency" value={s.frequency} disabled={disabled} onChange={(e) => set({ frequency: e.target.value as Stakeholder['frequency'] })}>
              {CONTACT_FREQUENCIES.map((f) => (
                <option key={f} value={f}>{f === '' ? 'Not set' : cap(f)}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="sm-field">
          <span>Next contact</span>
          <input type="date" value={s.nextContact} disabled={disabled} onChange={(e) => set({ nextContact: e.target.value })} />
        </label>
        <datalist id="sm-editor-channels">
          {['Email', 'Meeting', 'Phone', 'Newsletter', 'Briefing paper', 'Workshop'].map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </fieldset>

      <label className="sm-field">
        <span>Concerns</span>
        <CommitTextarea rows={2} value={s.concerns} disabled={disabled} onCommit={(concerns) => set({ concerns })} />
      </label>
      <label className="sm-field">
        <span>What they could offer</span>
        <CommitTextarea rows={2} value={s.offers} disabled={disabled} onCommit={(offers) => set({ offers })} />
      </label>
      <label className="sm-field">
        <span>Notes</span>
        <CommitTextarea rows={2} value={s.notes} disabled={disabled} onCommit={(notes) => set({ notes })} />
      </label>

      <fieldset className="sm-fieldset">
        <legend>Relationships ({mine.length})</legend>
        {mine.length > 0 && (
          <ul className="sm-relations" aria-label={`Relationships of ${s.name}`}>
            {mine.map((r) => {
              const other = r.from === s.id ? r.to : r.from;
              return (
                <li key={r.id} data-relationship-id={r.id}>
                  <span className="sm-rel-name">
                    {r.from === s.id ? '→ ' : '← '}
                    {nameOf.get(other) ?? 'Unknown'}
                  </span>
                  <CommitInput aria-label="Relationship type" list="sm-rel-types" value={r.type} disabled={disabled} onCommit={(type) => updateRelationship({ doc, localOrigin }, r.id, { type })} />
                  <select aria-label="Strength" value={r.strength} disabled={disabled} onChange={(e) => updateRelationship({ doc, localOrigin }, r.id, { strength: Number(e.target.value) })}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>Strength {n}</option>
                    ))}
                  </select>
                  <select aria-label="Direction" value={r.direction} disabled={disabled} onChange={(e) => updateRelationship({ doc, localOrigin }, r.id, { direction: e.target.value as Relationship['direction'] })}>
                    {RELATIONSHIP_DIRECTIONS.map((d) => (
                      <option key={d} value={d}>{DIRECTION_LABELS[d]}</option>
                    ))}
                  </select>
                  {editable && (
                    <button type="button" className="link-button" aria-label={`Remove relationship with ${nameOf.get(other) ?? 'stakeholder'}`} onClick={() => removeRelationship({ doc, localOrigin }, r.id)}>
                      Remove
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {editable && stakeholders.length > 1 && (
          <SearchPicker
            className="sm-relate"
            heading="Relate to"
            label="Relate to"
            placeholder="Type to find a stakeholder"
            listLabel="Stakeholders to relate to"
            search={relateCandidates}
            keyOf={(x) => x.id}
            text={(x) => x.name}
            emptyText="No other stakeholder yet."
            onPick={(other) => {
              session.stopCapturing();
              return addRelationship({ doc, localOrigin }, s.id, other.id) ? `Related to ${other.name}.` : `Already related to ${other.name}.`;
            }}
          />
        )}
        <p className="sm-hint">On the network, drag from a selected card’s + handle to another card.</p>
        <datalist id="sm-rel-types">
          {RELATIONSHIP_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </fieldset>

      {problem && <p className="error" role="alert">{problem}</p>}

      {editable && (
        <div className="sm-actions">
          {partner ? (
            <span className="sm-badge ok" title="This stakeholder is a partner: a column of the skills matrix">Partner: {partner.name}</span>
          ) : (
            <MakePartnerButton session={session} stakeholder={s} partners={partners} />
          )}
          <button type="button" className="button small" onClick={() => set({ placed: !s.placed })}>
            {s.placed ? 'Back to tray' : 'Place on map'}
          </button>
          <span className="spacer" />
          <button type="button" className="button small sm-danger" onClick={() => {
            session.stopCapturing();
            removeStakeholder({ doc, localOrigin }, s.id);
            ui.update({ selectedId: null });
          }}>
            Delete
          </button>
        </div>
      )}
    </section>
  );
}
