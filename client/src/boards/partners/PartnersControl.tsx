import { useEffect, useRef, useState } from 'react';
import { SECTORS, type Partner, type RecordPatch, type Sector } from '@pc/shared';
import { updateRecord } from '@pc/shared';
import { useCollection } from '../../collab/useCollection';
import type { BoardSession } from '../../collab/session';
import { useShortcuts } from '../../canvas/useShortcuts';
import { CommitInput } from '../../ui-kit/inputs';
import { addPartner, PARTNER_PALETTE, removePartner } from './partnerActions';
import './partners.css';

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function PartnerRow({ partner, session, editable, stakeholderName }: { partner: Partner; session: BoardSession; editable: boolean; stakeholderName: string | null }) {
  const [confirming, setConfirming] = useState(false);
  const [palette, setPalette] = useState(false);
  const set = (patch: RecordPatch<'partners'>) => {
    session.stopCapturing();
    updateRecord(session.doc, 'partners', partner.id, patch, session.localOrigin);
  };
  return (
    <li className="pp-partner" data-partner-id={partner.id} style={{ borderLeftColor: partner.colour }}>
      <div className="pp-line">
        <button type="button" className="pp-colour" style={{ background: partner.colour }} aria-label={`Colour of ${partner.name}`} aria-expanded={palette} disabled={!editable} onClick={() => setPalette((open) => !open)} />
        <CommitInput className="pp-name" aria-label="Partner name" value={partner.name} disabled={!editable} onCommit={(name) => name.trim() && set({ name: name.trim() })} />
      </div>
      {palette && editable && (
        <div className="swatches compact pp-palette" role="group" aria-label={`Choose a colour for ${partner.name}`}>
          {PARTNER_PALETTE.map((colour) => (
            <button
              key={colour}
              type="button"
              className={`swatch${partner.colour === colour ? ' chosen' : ''}`}
              style={{ background: colour }}
              aria-label={colour}
              aria-pressed={partner.colour === colour}
              onClick={() => {
                set({ colour });
                setPalette(false);
              }}
            />
          ))}
        </div>
      )}
      <div className="pp-line">
        <label className="pp-field">
          <span>Sector</span>
          <select value={partner.sector} disabled={!editable} onChange={(event) => set({ sector: event.target.value as Sector })}>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {cap(sector)}
              </option>
            ))}
          </select>
        </label>
        <label className="pp-check">
          <input type="checkbox" checked={partner.isLead} disabled={!editable} onChange={(event) => set({ isLead: event.target.checked })} /> Lead partner
        </label>
      </div>
      <label className="pp-field">
        <span>Contact person</span>
        <CommitInput value={partner.contact} disabled={!editable} onCommit={(contact) => set({ contact })} />
      </label>
      <div className="pp-line pp-foot">
        {stakeholderName ? <span className="pp-note">Promoted from stakeholder “{stakeholderName}”</span> : <span />}
        {editable &&
          (confirming ? (
            <span className="pp-confirm">
              Remove with its matrix cells?
              <button type="button" className="button small pp-danger" onClick={() => removePartner(session, partner.id)}>
                Remove
              </button>
              <button type="button" className="button small ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirming(true)}>
              Remove
            </button>
          ))}
      </div>
    </li>
  );
}

/**
 * The partnership's partner organisations, shared by every board: a header button
 * and a drawer to add, edit and remove them (name, sector, colour, lead partner).
 */
export function PartnersControl({ session, editable }: { session: BoardSession; editable: boolean }) {
  const [open, setOpen] = useState(false);
  const partners = useCollection(session.collection('partners'));
  const stakeholders = useCollection(session.collection('stakeholders'));
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>('third');
  const drawer = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) drawer.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [open]);
  useShortcuts(
    [
      {
        group: 'Partners',
        keys: 'Escape',
        description: 'Close the partners drawer',
        match: (e) => e.key === 'Escape',
        run: () => {
          setOpen(false);
          button.current?.focus();
        },
      },
    ],
    open,
  );

  const sorted = [...partners].sort((a, b) => Number(b.isLead) - Number(a.isLead) || a.name.localeCompare(b.name));
  return (
    <>
      <button ref={button} type="button" className="button small pp-open" aria-expanded={open} aria-controls="partners-drawer" onClick={() => setOpen((o) => !o)}>
        Partners <span className="pp-count">{partners.length}</span>
      </button>
      {open && (
        <div ref={drawer} id="partners-drawer" className="pp-drawer" role="dialog" aria-modal="false" aria-labelledby="pp-title">
          <header className="pp-header">
            <h2 id="pp-title">Partners</h2>
            <button type="button" className="icon-button" aria-label="Close partners" onClick={() => setOpen(false)}>
              ×
            </button>
          </header>
          <p className="pp-intro">The organisations in this partnership. Every board uses them: owners on the stakeholder map, columns of the skills matrix, leads in the logic model.</p>
          {editable && (
            <form
              className="pp-add"
              onSubmit={(event) => {
                event.preventDefault();
                if (!name.trim()) return;
                session.stopCapturing();
                addPartner(session, { name: name.trim(), sector, isLead: partners.length === 0 });
                setName('');
              }}
            >
              <label className="pp-field grow">
                <span>New partner</span>
                <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Organisation name" />
              </label>
              <label className="pp-field">
                <span>Sector</span>
                <select value={sector} onChange={(event) => setSector(event.target.value as Sector)}>
                  {SECTORS.map((s) => (
                    <option key={s} value={s}>
                      {cap(s)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button primary small" disabled={!name.trim()}>
                Add
              </button>
            </form>
          )}
          {sorted.length === 0 ? (
            <p className="pp-empty">No partners yet.{editable ? ' Add the first one above, or promote a stakeholder with “Make partner”.' : ''}</p>
          ) : (
            <ul className="pp-list" aria-label="Partners">
              {sorted.map((partner) => (
                <PartnerRow
                  key={partner.id}
                  partner={partner}
                  session={session}
                  editable={editable}
                  stakeholderName={partner.stakeholderId ? (stakeholders.find((s) => s.id === partner.stakeholderId)?.name ?? null) : null}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
