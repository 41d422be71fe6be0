import type { ReactNode } from 'react';
import type { BoardView } from '@pc/shared';
import { BOARD_TABS } from '../boards/tabs';
import type { UndoState } from '../collab/session';
import { RedoIcon, UndoIcon } from '../ui-kit/icons';
import { ZoomControls, type ZoomActions } from './ZoomControls';
import type { ValueStore } from '../lib/valueStore';
import type { Camera } from '../canvas/camera';

export const tabId = (view: BoardView) => `tab-${view}`;
export const panelId = 'board-panel';

interface ToolbarProps {
  view: BoardView;
  onView(view: BoardView): void;
  editable: boolean;
  /** The free canvas's tools (add, and the commands on the selection). */
  tools: ReactNode;
  undo: UndoState;
  camera: ValueStore<Camera>;
  zoom: ZoomActions;
  onUndo(): void;
  onRedo(): void;
  /** False on a tab without a canvas: no notes, no zoom. */
  canvas?: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar(props: ToolbarProps) {
  const { view, onView, editable, undo, canvas = true } = props;
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
            {canvas && props.tools}
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
