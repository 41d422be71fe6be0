import { useEffect, useId, useRef } from 'react';
import { useValue } from '../lib/hooks';
import { helpGroups } from './shortcuts';
import { boardShortcuts } from './useShortcuts';

/** The `?` help: every shortcut registered right now, under its board or part of the page. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const entries = useValue(boardShortcuts.entries);
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog shortcut-help" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Keyboard shortcuts</h2>
        {helpGroups(entries).map(({ group, items }) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {items.map((item) => (
                <div key={`${item.keys}|${item.description}`}>
                  <dt>
                    <kbd>{item.keys}</kbd>
                  </dt>
                  <dd>{item.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="dialog-actions">
          <button ref={close} type="button" className="button primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
