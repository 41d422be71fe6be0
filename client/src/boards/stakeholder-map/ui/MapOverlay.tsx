import { useEscapeToClose } from '../../../ui-kit/useEscapeToClose';
import { useState } from 'react';
import { fitBounds } from '../../../canvas/camera';
import type { BoardContext } from '../../types';
import { SHARED_OWNER_VALUE, type ColourField, type SizeField } from '../model/encodings';
import { FIELD_LABELS, fieldOptions, STAKEHOLDER_FIELDS, type StakeholderField } from '../model/fields';
import { setFilterValues, toggleFilterValue } from '../model/filters';
import { cardPlacements, layoutBounds, MAP_LAYOUTS, MAP_LAYOUT_LABELS, type MapLayout } from '../model/mapLayout';
import { CommsPlanTable } from './CommsPlanTable';
import { useWheelIsolation } from '../../../ui-kit/inputs';
import { Tray } from './Tray';
import { useMapModel } from './useMapModel';
import './stakeholder-map.css';

const COLOUR_FIELDS: ColourField[] = ['sector', 'attitude', 'owner', 'engagementGap', 'salience', 'quadrant', 'ring', 'kind', 'engagementCurrent', 'frequency'];
const SIZE_LABELS: Record<SizeField, string> = { none: 'Same size', power: 'Power', interest: 'Interest' };

/**
 * DOM over the canvas: layout switcher, encodings (colour, size, filter, search),
 * the legend, the "to place" tray and the communications plan table.
 */
/** Height of the floating view and filter bars (two rows when the canvas is narrow): framing keeps the map below them. */
export const MAP_TOOLBAR_INSET = 110;
/**
 * The tray and the legend float at the canvas's left edge (the tray 210 px wide, 12 px in):
 * framing keeps the map right of them, beyond this and its own 48 px margin.
 */
export const MAP_PANEL_INSET = 200;

export function MapOverlay(context: BoardContext) {
  const { session, editable, camera, viewportSize } = context;
  const model = useMapModel(session);
  const { ui, state, partners, colours } = model;
  const [filterOpen, setFilterOpen] = useState(false);
  useEscapeToClose(() => setFilterOpen(false), filterOpen);
  const filterRef = useWheelIsolation<HTMLDivElement>();
  const legendRef = useWheelIsolation<HTMLDivElement>();
  const shownCount = model.placed.filter((s) => model.shownIds.has(s.id)).length;
  const activeClauses = state.clauses.filter((c) => c.values.length > 0);

  const switchLayout = (layout: MapLayout) => {
    ui.update({ layout, mode: 'map' });
    // Frame the new layout: the grid, the onion, or wherever the network's cards are.
    const bounds = layoutBounds(layout, cardPlacements(model.placed, layout, state.sizeBy));
    const size = viewportSize();
    if (bounds && size.width > 0) camera.set(fitBounds(bounds, size, 48, 1.2, MAP_TOOLBAR_INSET));
  };

  const labelOf = (field: StakeholderField, value: string) =>
    fieldOptions(field, partners).find((o) => o.value === value)?.label ?? value;

  return (
    <div className="sm-overlay">
      <div className="sm-top">
          <div className="sm-float sm-bar sm-bar-left" role="toolbar" aria-label="Stakeholder map view">
            <div className="sm-segmented" role="group" aria-label="Layout">
              {MAP_LAYOUTS.map((layout) => (
                <button key={layout} type="button" aria-pressed={state.mode === 'map' && state.layout === layout} onClick={() => switchLayout(layout)} data-layout={layout}>
                  {MAP_LAYOUT_LABELS[layout]}
                </button>
              ))}
            </div>
            <button type="button" className="sm-toggle" aria-pressed={state.mode === 'comms'} onClick={() => ui.update({ mode: state.mode === 'comms' ? 'map' : 'comms' })}>
              Communications plan
            </button>
          </div>
          <div className="sm-float sm-bar sm-bar-right" role="toolbar" aria-label="Colour, size and filter">
            <label className="sm-search">
              <span className="sr-only">Search stakeholders</span>
              <input type="search" placeholder="Search…" value={state.search} onChange={(event) => ui.update({ search: event.target.value })} aria-describedby="sm-search-result" />
            </label>
            <span id="sm-search-result" className="sr-only" aria-live="polite">
              {model.searchHits ? `${model.searchHits.size} match${model.searchHits.size === 1 ? '' : 'es'}` : ''}
            </span>
            {model.searchHits && <span className="sm-pill" aria-hidden="true">{model.searchHits.size}</span>}
            <label className="sm-select">
              <span>Colour</span>
              <select aria-label="Colour by" value={state.colourBy} onChange={(event) => ui.update({ colourBy: event.target.value as ColourField })}>
                {COLOUR_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {field === 'salience' ? 'Salience class' : FIELD_LABELS[field]}
                  </option>
                ))}
              </select>
            </label>
            <label className="sm-select">
              <span>Size</span>
              <select aria-label="Size by" value={state.sizeBy} onChange={(event) => ui.update({ sizeBy: event.target.value as SizeField })}>
                {(['none', 'power', 'interest'] as SizeField[]).map((field) => (
                  <option key={field} value={field}>
                    {SIZE_LABELS[field]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={`sm-toggle${activeClauses.length ? ' sm-active' : ''}`} aria-expanded={filterOpen} aria-controls="sm-filter-panel" onClick={() => setFilterOpen((open) => !open)}>
              Filter{activeClauses.length > 0 ? ` (${activeClauses.length})` : ''}
            </button>
          </div>
          {activeClauses.length > 0 && (
            <ul className="sm-float sm-chips" aria-label="Active filters">
              {activeClauses.map((clause) => (
                <li key={clause.field}>
                  <span>
                    {FIELD_LABELS[clause.field]}: {clause.values.map((v) => labelOf(clause.field, v)).join(' or ')}
                  </span>
                  <button type="button" aria-label={`Remove ${FIELD_LABELS[clause.field]} filter`} onClick={() => ui.update({ clauses: setFilterValues({ clauses: state.clauses, search: '' }, clause.field, []).clauses })}>
                    ×
                  </button>
                </li>
              ))}
              <li className="sm-chip-note">
                {shownCount} of {model.placed.length} shown
              </li>
            </ul>
          )}
      </div>
      <div className="sm-middle">
          {state.mode === 'map' && <Tray context={context} ui={ui} layout={state.layout} unplaced={model.unplaced.filter((s) => model.shownIds.has(s.id))} />}
          {state.mode === 'comms' && <CommsPlanTable session={session} editable={editable} ui={ui} stakeholders={model.stakeholders.filter((s) => model.shownIds.has(s.id))} partners={partners} />}
          {filterOpen && (
            <div ref={filterRef} id="sm-filter-panel" className="sm-float sm-filter" role="group" aria-label="Filter stakeholders">
              <header>
                <h2>Filter</h2>
                <button type="button" className="link-button sm-link" onClick={() => ui.update({ clauses: [] })} disabled={activeClauses.length === 0}>
                  Clear all
                </button>
                <button type="button" className="icon-button" aria-label="Close filter" onClick={() => setFilterOpen(false)}>
                  ×
                </button>
              </header>
              <p className="sm-hint">Values of one field are alternatives; different fields must all match.</p>
              {STAKEHOLDER_FIELDS.map((field) => {
                const clause = state.clauses.find((c) => c.field === field);
                return (
                  <details key={field} open={Boolean(clause)}>
                    <summary>
                      {FIELD_LABELS[field]}
                      {clause && <span className="sm-pill">{clause.values.length}</span>}
                    </summary>
                    <div className="sm-checks">
                      {fieldOptions(field, partners).map((option) => (
                        <label key={option.value}>
                          <input
                            type="checkbox"
                            checked={clause?.values.includes(option.value) ?? false}
                            onChange={() => ui.update({ clauses: toggleFilterValue({ clauses: state.clauses, search: '' }, field, option.value).clauses })}
                          />
                          {option.label}
                        </label>
                      ))}
                    </div>
                  </details>
                );
              })}
            </div>
          )}
      </div>
      {state.mode === 'map' && model.stakeholders.length > 0 && (
        <div ref={legendRef} className="sm-float sm-legend" role="group" aria-label={`Legend: ${FIELD_LABELS[state.colourBy]}`}>
          <h2>{state.colourBy === 'salience' ? 'Salience class' : FIELD_LABELS[state.colourBy]}</h2>
          <ul>
            {colours.legend
              .filter((entry) => entry.count > 0 || state.colourBy !== 'owner')
              .map((entry) => {
                const filterable = entry.value !== SHARED_OWNER_VALUE;
                const clause = state.clauses.find((c) => c.field === state.colourBy);
                const active = clause?.values.includes(entry.value) ?? false;
                return (
                  <li key={entry.value} data-value={entry.value} className={entry.count === 0 ? 'sm-zero' : undefined}>
                    <button
                      type="button"
                      disabled={!filterable}
                      aria-pressed={active}
                      title={filterable ? 'Show only these (click again to undo)' : undefined}
                      onClick={() => ui.update({ clauses: toggleFilterValue({ clauses: state.clauses, search: '' }, state.colourBy, entry.value).clauses })}
                    >
                      <span className="sm-swatch" style={{ background: entry.colour }} aria-hidden="true" />
                      <span className="sm-legend-label">{entry.label}</span>
                      <span className="sm-legend-count">{entry.count}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
          <p className="sm-hint">
            {state.sizeBy !== 'none' ? `Bigger = more ${state.sizeBy}. ` : ''}
            Outline = owning partner{state.layout === 'network' ? '; line width = strength' : ''}.
          </p>
        </div>
      )}
    </div>
  );
}
