import { useEffect, useRef } from 'react';
import { BOARD_VIEWS, REVIEW_GROUP_LABELS, type BoardView } from '@pc/shared';
import { COMPARE_COLOURS, COMPARE_LABELS, type CompareKind } from '../canvas/compareOverlay';
import type { CompareEntry } from './compareMarks';

interface Props {
  /** "March review → now". */
  title: string;
  entries: readonly CompareEntry[];
  /** The tab shown: its entries are the ones marked on the canvas. */
  view: BoardView;
  tabLabel(view: BoardView): string;
  /** Show the entry: its tab, the camera centred on it. */
  onGo(entry: CompareEntry): void;
  onClose(): void;
}

const KINDS: readonly CompareKind[] = ['added', 'changed', 'moved', 'removed'];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * "What changed", beside the canvas while a comparison is shown: the colour of
 * each kind, and every change as a button that shows it on its tab. Escape or
 * Close ends the comparison.
 */
export function CompareLegend({ title, entries, view, tabLabel, onGo, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const here = entries.filter((entry) => entry.view === view).length;
  return (
    <aside className="compare-legend" aria-labelledby="compare-legend-title">
      <header className="compare-head">
        <h2 id="compare-legend-title" ref={heading} tabIndex={-1}>
          What changed
        </h2>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="compare-title">{title}</p>
      <ul className="compare-key" aria-label="Colours">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className={`compare-swatch compare-swatch-${kind}`} style={{ borderColor: COMPARE_COLOURS[kind] }} aria-hidden="true" />
            {COMPARE_LABELS[kind]}
          </li>
        ))}
      </ul>
      <p className="compare-count" role="status">
        {entries.length === 0 ? 'Nothing changed.' : `${entries.length} ${entries.length === 1 ? 'change' : 'changes'}, ${here} marked on this tab.`}
      </p>
      <ul className="compare-entries" aria-label="Changes">
        {entries.map((entry) => {
          const where = entry.view ?? ((BOARD_VIEWS as readonly string[]).includes(entry.group) ? (entry.group as BoardView) : null);
          return (
            <li key={entry.key}>
              <button
                type="button"
                className="compare-entry"
                data-kind={entry.kind}
                data-view={entry.view ?? ''}
                data-now={entry.now ? [entry.now.x, entry.now.y, entry.now.width, entry.now.height].join(',') : ''}
                data-before={entry.before ? [entry.before.x, entry.before.y, entry.before.width, entry.before.height].join(',') : ''}
                disabled={!where}
                onClick={() => onGo(entry)}
              >
                <span className="compare-kind" style={{ color: COMPARE_COLOURS[entry.kind] }}>
                  {COMPARE_LABELS[entry.kind]}
                </span>{' '}
                <span className="compare-text">{entry.text}</span>
                <span className="compare-where">
                  {where ? tabLabel(where) : REVIEW_GROUP_LABELS[entry.group]}
                  {entry.kind === 'moved' ? ' · dashed: before, outlined: now' : entry.kind === 'removed' && entry.before ? ' · dashed: where it was' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
