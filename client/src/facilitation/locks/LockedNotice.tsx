import { useEffect, useState } from 'react';
import { lockNoticeFor } from '../../collab/locks';
import type { BoardSession } from '../../collab/session';
import { useValue } from '../../lib/hooks';
import { LockIcon } from '../../ui-kit/icons';

/** How long the line stays after the last try. */
const NOTICE_MS = 5000;

/** Over the canvas: why what the person just tried on a locked thing did not happen. Nothing was sent. */
export function LockedNotice({ session }: { session: BoardSession }) {
  const store = lockNoticeFor(session);
  const notice = useValue(store);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!notice) return;
    setShown(true);
    const timer = setTimeout(() => setShown(false), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice || !shown) return null;
  return (
    <div className="locked-notice" role="alert">
      <LockIcon />
      <span>{notice.message}.</span>
    </div>
  );
}
