import { useEffect, useRef } from 'react';

/**
 * Escape closes this panel or dialog wherever the focus is, so every panel
 * closes the same way. A key a field already used (an editor keeping its text
 * on Escape marks it handled) does not also close the panel: the next one does.
 */
export function useEscapeToClose(onClose: () => void, open = true): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
