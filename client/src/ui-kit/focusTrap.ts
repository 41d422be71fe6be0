import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where Tab (or Shift+Tab) goes next inside a dialog of `count` focusable elements: it wraps, never leaves. */
export function nextFocusIndex(current: number, count: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/**
 * A modal dialog's keyboard contract: focus moves into it when it opens, Tab
 * stays inside, Escape closes it, and focus returns to where it was (the
 * button that opened it) when it closes. Keys are stopped at the dialog, so
 * the board's own shortcuts never fire behind it.
 */
export function useModalDialog(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const items = () => [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    (node.querySelector<HTMLElement>('[data-autofocus]') ?? items()[0] ?? node).focus();
    const onKey = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const list = items();
      const next = nextFocusIndex(list.indexOf(document.activeElement as HTMLElement), list.length, event.shiftKey);
      if (next === null) return;
      event.preventDefault();
      list[next]!.focus();
    };
    node.addEventListener('keydown', onKey);
    return () => {
      node.removeEventListener('keydown', onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [ref]);
}
