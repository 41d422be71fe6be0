import { PARTNERSHIP_STAGES, STAGE_LABELS, STAGE_MEANINGS, stagesOfPartner, type PartnershipStage } from '@pc/shared';
import type { BoardContext } from '../../types';
import { setPairStage } from '../healthActions';
import type { HealthModel } from './useHealthModel';

function StageSelect({ label, value, disabled, onChange }: { label: string; value: PartnershipStage | null; disabled: boolean; onChange(next: PartnershipStage | null): void }) {
  return (
    <select aria-label={label} value={value ?? ''} disabled={disabled} onChange={(e) => onChange((e.target.value || null) as PartnershipStage | null)}>
      <option value="">–</option>
      {PARTNERSHIP_STAGES.map((stage) => (
        <option key={stage} value={stage}>
          {STAGE_LABELS[stage]}
        </option>
      ))}
    </select>
  );
}

/**
 * Stages of partnership working between each pair of partners: where they are
 * and where they aim to be. One row per partner (its stages with every other
 * partner); each pair is one record, so both rows show the same choice.
 */
export function StagesView({ ctx, model }: { ctx: BoardContext; model: HealthModel }) {
  const { stageMatrix } = model;
  const partners = stageMatrix.partners;
  const { summary } = stageMatrix;
  if (partners.length < 2) return <p className="health-hint">Stages are between pairs of partners: add at least two partners first.</p>;
  return (
    <div className="health-stages">
      <dl className="health-stage-key">
        {PARTNERSHIP_STAGES.map((stage, i) => (
          <div key={stage}>
            <dt>
              {i + 1}. {STAGE_LABELS[stage]}
            </dt>
            <dd>{STAGE_MEANINGS[stage]}</dd>
          </div>
        ))}
      </dl>
      <p className="health-stage-summary">
        {summary.set} of {summary.pairs} pairs have a stage; {summary.reached} at the stage they aim for; {summary.movingCloser} aiming to work more closely.
      </p>
      <table className="health-stage-matrix" aria-label="Stages between partners">
        <thead>
          <tr>
            <th scope="col">Partner</th>
            {partners.map((p) => (
              <th scope="col" key={p.id}>
                <span className="health-swatch" style={{ background: p.colour }} />
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {partners.map((row) => (
            <tr key={row.id} data-partner={row.name}>
              <th scope="row">
                <span className="health-swatch" style={{ background: row.colour }} />
                {row.name}
              </th>
              {partners.map((col) => {
                if (col.id === row.id) return <td key={col.id} className="health-stage-self" aria-label="Same partner" />;
                const cell = stageMatrix.cell(row.id, col.id);
                const state = cell.stepsToGo === null ? '' : cell.stepsToGo === 0 ? ' reached' : cell.stepsToGo > 0 ? ' closer' : ' looser';
                return (
                  <td key={col.id} className={`health-stage-cell${state}`} data-pair={`${row.name}|${col.name}`}>
                    <label>
                      Now <StageSelect label={`${row.name} and ${col.name}: stage now`} value={cell.current} disabled={!ctx.editable} onChange={(current) => setPairStage(ctx.session, row.id, col.id, { current })} />
                    </label>
                    <label>
                      Aim <StageSelect label={`${row.name} and ${col.name}: stage aimed for`} value={cell.target} disabled={!ctx.editable} onChange={(target) => setPairStage(ctx.session, row.id, col.id, { target })} />
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Each partner&apos;s stages</h3>
      <ul className="health-partner-stages" aria-label="Each partner's stages">
        {partners.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>:{' '}
            {stagesOfPartner(stageMatrix, p.id)
              .map(({ partner, cell }) => `${partner.name} ${cell.current ? STAGE_LABELS[cell.current].toLowerCase() : 'not set'}${cell.target && cell.target !== cell.current ? ` → ${STAGE_LABELS[cell.target].toLowerCase()}` : ''}`)
              .join('; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
