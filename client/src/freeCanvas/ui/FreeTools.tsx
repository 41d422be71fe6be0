import { STICKY_COLOURS, type CanvasItem } from '@pc/shared';
import type { ZMove } from '../../canvas/items';
import { NoteIcon, TrashIcon } from '../../ui-kit/icons';
import type { AlignMode, DistributeAxis } from '../model/arrange';

const COLOUR_NAMES: Record<string, string> = {
  '#fde68a': 'Yellow',
  '#bbf7d0': 'Green',
  '#bfdbfe': 'Blue',
  '#fbcfe8': 'Pink',
  '#fed7aa': 'Orange',
  '#e9d5ff': 'Purple',
};

export interface FreeCommands {
  addNote(): void;
  addText(): void;
  addFrame(): void;
  connect(): void;
  remove(): void;
  colour(colour: string): void;
  reorder(move: ZMove): void;
  align(mode: AlignMode): void;
  distribute(axis: DistributeAxis): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

const ALIGN: [AlignMode, string, string][] = [
  ['left', 'Align left', 'Alt+A'],
  ['centre', 'Align centres', 'Alt+H'],
  ['right', 'Align right', 'Alt+D'],
  ['top', 'Align top', 'Alt+W'],
  ['middle', 'Align middles', 'Alt+V'],
  ['bottom', 'Align bottom', 'Alt+S'],
];
const ORDER: [ZMove, string, string][] = [
  ['front', 'Bring to front', `${mod}Shift+]`],
  ['forward', 'Bring forward', `${mod}]`],
  ['backward', 'Send backward', `${mod}[`],
  ['back', 'Send to back', `${mod}Shift+[`],
];

/** The free canvas's part of the toolbar: add, and the commands on the selection (each also has a shortcut, listed by `?`). */
export function FreeTools({ editable, selected, commands }: { editable: boolean; selected: readonly CanvasItem[]; commands: FreeCommands }) {
  if (!editable) return null;
  const notes = selected.filter((item) => item.kind === 'sticky');
  const placed = selected.filter((item) => item.kind !== 'connector');
  const close = (event: React.MouseEvent) => (event.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
  return (
    <>
      <button type="button" className="button primary small" onClick={commands.addNote} title="Add a sticky note (N, or double-click the canvas)">
        <NoteIcon /> Add note
      </button>
      <button type="button" className="icon-button tool-glyph" onClick={commands.addText} aria-label="Add text" title="Add text (T)">
        T
      </button>
      <button type="button" className="icon-button tool-glyph" onClick={commands.addFrame} aria-label="Add frame" title="Add a frame, round the selection if there is one (F)">
        ▢
      </button>
      {/* Everything else in one menu, so the toolbar fits beside four tabs on a laptop. */}
      <details className="menu">
        <summary className="button small" aria-label="Arrange and more" title="Paste, colour, connect, copy, duplicate, align, distribute and order">
          Arrange
        </summary>
        <div className="menu-items" role="menu" aria-label="Arrange">
          <button type="button" role="menuitem" onClick={(e) => (commands.paste(), close(e))}>
            Paste <kbd>{`${mod}V`}</kbd>
          </button>
          {notes.length > 0 && (
            <div className="swatches compact menu-swatches" role="group" aria-label="Note colour">
              {STICKY_COLOURS.map((colour) => (
                <button
                  key={colour}
                  type="button"
                  className={`swatch${notes.every((n) => n.colour === colour) ? ' chosen' : ''}`}
                  style={{ background: colour }}
                  aria-label={`${COLOUR_NAMES[colour] ?? colour} note`}
                  aria-pressed={notes.every((n) => n.colour === colour)}
                  onClick={() => commands.colour(colour)}
                />
              ))}
            </div>
          )}
          <button type="button" role="menuitem" disabled={selected.length !== 2} onClick={(e) => (commands.connect(), close(e))}>
            Connect the two selected <kbd>C</kbd>
          </button>
          <button type="button" role="menuitem" disabled={selected.length === 0} onClick={(e) => (commands.copy(), close(e))}>
            Copy <kbd>{`${mod}C`}</kbd>
          </button>
          <button type="button" role="menuitem" disabled={selected.length === 0} onClick={(e) => (commands.duplicate(), close(e))}>
            Duplicate <kbd>{`${mod}D`}</kbd>
          </button>
          {ALIGN.map(([mode, label, keys]) => (
            <button key={mode} type="button" role="menuitem" disabled={placed.length < 2} onClick={(e) => (commands.align(mode), close(e))}>
              {label} <kbd>{keys}</kbd>
            </button>
          ))}
          <button type="button" role="menuitem" disabled={placed.length < 3} onClick={(e) => (commands.distribute('horizontal'), close(e))}>
            Distribute horizontally <kbd>Alt+Shift+H</kbd>
          </button>
          <button type="button" role="menuitem" disabled={placed.length < 3} onClick={(e) => (commands.distribute('vertical'), close(e))}>
            Distribute vertically <kbd>Alt+Shift+V</kbd>
          </button>
          {ORDER.map(([move, label, keys]) => (
            <button key={move} type="button" role="menuitem" disabled={selected.length === 0} onClick={(e) => (commands.reorder(move), close(e))}>
              {label} <kbd>{keys}</kbd>
            </button>
          ))}
          <button type="button" role="menuitem" onClick={(e) => (commands.selectAll(), close(e))}>
            Select all <kbd>{`${mod}A`}</kbd>
          </button>
        </div>
      </details>
      {selected.length > 0 && (
        <button type="button" className="icon-button danger" onClick={commands.remove} aria-label="Delete selected" title="Delete (Delete key)">
          <TrashIcon />
        </button>
      )}
    </>
  );
}
