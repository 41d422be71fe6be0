import { STICKY_COLOURS, type BoardView, type CanvasItem } from '@pc/shared';
import { BOARD_TABS } from '../boards/tabs';
import type { UndoState } from '../collab/session';
import { FrontIcon, NoteIcon, RedoIcon, TrashIcon, UndoIcon } from './icons';
import { ZoomControls, type ZoomActions } from './ZoomControls';
import type { ValueStore } from '../lib/valueStore';
import type { Camera } from '../canvas/camera';

const COLOUR_NAMES: Record<string, string> = {
  '#fde68a': 'Yellow',
  '#bbf7d0': 'Green',
  '#bfdbfe': 'Blue',
  '#fbcfe8': 'Pink',
  '#fed7aa': 'Orange',
  '#e9d5ff': 'Purple',
};

export const tabId = (view: BoardView) => `tab-${view}`;
export const panelId = 'board-panel';

interface ToolbarProps {
  view: BoardView;
  onView(view: BoardView): void;
  editable: boolean;
  selected: CanvasItem | null;
  undo: UndoState;
  camera: ValueStore<Camera>;
  zoom: ZoomActions;
  onAdd(): void;
  onDelete(): void;
  onColour(colour: string): void;
  onFront(): void;
  onUndo(): void;
  onRedo(): void;
  /** False on a tab without a canvas: no notes, no zoom. */
  canvas?: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar(props: ToolbarProps) {
  const { view, onView, editable, selected, undo, canvas = true } = props;
  return (
    <div className="toolbar">
      <div role="tablist" aria-label="Boards" className="tabs">
        {BOARD_TABS.map((tab) => (
          <button
            key={tab.view}
            id={tabId(tab.view)}
            role="tab"
            type="button"
            aria-selected={tab.view === view}
            aria-controls={panelId}
            tabIndex={tab.view === view ? 0 : -1}
            className="tab"
            onClick={() => onView(tab.view)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const index = BOARD_TABS.findIndex((t) => t.view === view);
              const next = BOARD_TABS[(index + (event.key === 'ArrowRight' ? 1 : BOARD_TABS.length - 1)) % BOARD_TABS.length]!;
              onView(next.view);
              document.getElementById(tabId(next.view))?.focus();
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>

      <div className="tools" role="toolbar" aria-label="Edit tools">
        {editable && (
          <>
            {canvas && (
            <button type="button" className="button primary small" onClick={props.onAdd} title="Add a sticky note (or double-click the canvas)">
              <NoteIcon /> Add note
            </button>
            )}
            {canvas && selected && (
              <>
                <span className="separator" aria-hidden="true" />
                <div className="swatches compact" role="group" aria-label="Note colour">
                  {STICKY_COLOURS.map((colour) => (
                    <button
                      key={colour}
                      type="button"
                      className={`swatch${selected.colour === colour ? ' chosen' : ''}`}
                      style={{ background: colour }}
                      aria-label={`${COLOUR_NAMES[colour] ?? colour} note`}
                      aria-pressed={selected.colour === colour}
                      onClick={() => props.onColour(colour)}
                    />
                  ))}
                </div>
                <button type="button" className="icon-button" onClick={props.onFront} aria-label="Bring to front" title="Bring to front">
                  <FrontIcon />
                </button>
                <button type="button" className="icon-button danger" onClick={props.onDelete} aria-label="Delete note" title="Delete (Delete key)">
                  <TrashIcon />
                </button>
              </>
            )}
            <span className="separator" aria-hidden="true" />
            <button type="button" className="icon-button" onClick={props.onUndo} disabled={!undo.canUndo} aria-label="Undo" title={`Undo your last change (${mod}Z)`}>
              <UndoIcon />
            </button>
            <button type="button" className="icon-button" onClick={props.onRedo} disabled={!undo.canRedo} aria-label="Redo" title={`Redo (${mod}Shift+Z)`}>
              <RedoIcon />
            </button>
          </>
        )}
      </div>

      {canvas && <ZoomControls camera={props.camera} actions={props.zoom} />}
    </div>
  );
}
