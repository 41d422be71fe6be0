import { useEffect, useRef } from 'react';

/**
 * Runs `finish` (the latest one) when the component really goes away: another
 * tab opened, the panel toggled shut, a different record picked. Editors use it
 * so typed text is kept however the editor closes. Checked a moment after the
 * cleanup, so React's development remount does not count as closing.
 */
export function useFinishOnUnmount(finish: () => void): void {
  const latest = useRef(finish);
  latest.current = finish;
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current) latest.current();
      });
    };
  }, []);
}
