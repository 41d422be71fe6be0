import { useState } from 'react';
import type { Role } from '@pc/shared';
import { ShareDialog } from './ShareDialog';
import './share.css';

/** The board header's "Share" button and its dialog. */
export function ShareButton(props: { boardId: string; title: string; role: Role | null; token: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small primary share-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Share
      </button>
      {open && <ShareDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
