import { useEffect } from 'react';
import { LockIcon } from '../../ui-kit/icons';

/** How long the notice stays before it goes by itself. */
const NOTICE_MS = 12_000;

/** Says, in plain words, which change the server refused; the board has been reloaded without it. */
export function RefusalNotice({ message, onDismiss }: { message: string; onDismiss(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="refusal-notice" role="alert">
      <LockIcon />
      <span>
        <strong>{message}.</strong> Your change was not kept.
      </span>
      <button type="button" className="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
