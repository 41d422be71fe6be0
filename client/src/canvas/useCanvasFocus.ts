import { useCallback, useEffect, useRef, useState } from 'react';
import type { Rect, Size } from '../lib/geometry';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import { panBy, visibleWorldRect, type Camera } from './camera';
import { withMod, type KeyInput, type Shortcut, type ShortcutHint } from './shortcuts';
import { arrowDirection, nearestInDirection, scrollIntoView, stepInReadingOrder, type FocusDirection } from './spatialFocus';
import { useShortcuts } from './useShortcuts';

/**
 * One thing on a canvas the keyboard can stop at: a board's record or a free
 * item, where it is drawn, what a screen reader says for it, and what Enter,
 * Delete and Ctrl+arrows do to it (absent: the key does nothing there).
 */
export interface FocusableItem {
  id: string;
  rect: Rect;
  /** Spoken when the item gets focus: "Ardmore Health Board, stakeholder, power 3, interest 4". */
  label: string;
  /** Enter: edit or open it. */
  activate?(): void;
  /** Delete or Backspace. */
  remove?(): void;
  /** Ctrl+arrow: one step that way (a grid cell, the next column, a nudge). */
  move?(direction: FocusDirection): void;
}

/** A request from a board's DOM (the stakeholder tray) to put keyboard focus on one item of the canvas. */
export const canvasFocusRequest: ValueStore<string | null> = createValueStore<string | null>(null);

interface CanvasFocusOptions {
  /** The focusable canvas element (tabindex 0) the keys are read on. */
  container(): HTMLElement | null;
  /** Every item the keyboard can stop at on this tab, now. */
  items(): FocusableItem[];
  camera: ValueStore<Camera>;
  viewportSize(): Size;
  /** Called after the camera scrolled an item into view (it counts as the person's own move). */
  cameraMoved(): void;
  /** Say what changed: the canvas's name, for the sentence on entering it. */
  label: string;
  /** Help heading. */
  group: string;
  /** Help lines for what Enter, Delete and Ctrl+arrows do on this tab. */
  hints: readonly ShortcutHint[];
  /** Re-read the items when this fires (the document changed), so the ring follows its record. */
  subscribe(listener: () => void): () => void;
  /** Changes of tab: leave item focus. */
  resetKey: string;
}

export interface CanvasFocus {
  /** The focused item's world rectangle, for the ring; null while no item has focus. */
  ring: Rect | null;
  /** The live region's text. */
  announcement: string;
  /** Props for the canvas element. */
  containerProps: {
    tabIndex: number;
    onFocus(event: React.FocusEvent<HTMLElement>): void;
    onBlur(event: React.FocusEvent<HTMLElement>): void;
    onPointerDownCapture(): void;
  };
}

const SCROLL_MARGIN_PX = 48;
/** Frames an in-place editor has to take the focus after Enter before the canvas stops waiting for it. */
const EDITOR_WAIT_FRAMES = 10;

/**
 * Roving keyboard focus over the items of a canvas. Once the canvas has focus
 * from the keyboard (Tab or the skip link; a click on the canvas keeps the
 * mouse's behaviour), arrows go to the nearest item that way, Home/End and
 * Page Down/Up step in reading order, Enter, Delete and Ctrl+arrows act on the
 * focused item, and Escape leaves item focus. The focused item is announced
 * through a live region and scrolled into view.
 */
export function useCanvasFocus(options: CanvasFocusOptions): CanvasFocus {
  const latest = useRef(options);
  latest.current = options;
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [ring, setRing] = useState<Rect | null>(null);
  const pointerFocus = useRef(false);
  const focusedRef = useRef(focusedId);
  focusedRef.current = focusedId;
  const keyboardRef = useRef(keyboard);
  keyboardRef.current = keyboard;

  const find = useCallback((id: string | null) => (id === null ? undefined : latest.current.items().find((item) => item.id === id)), []);

  const reveal = useCallback((rect: Rect) => {
    const { camera, viewportSize, cameraMoved } = latest.current;
    const current = camera.get();
    const size = viewportSize();
    if (size.width <= 0 || size.height <= 0) return;
    const shift = scrollIntoView(visibleWorldRect(current, size), rect, SCROLL_MARGIN_PX / current.zoom);
    if (!shift) return;
    camera.set(panBy(current, -shift.dx * current.zoom, -shift.dy * current.zoom));
    cameraMoved();
  }, []);

  const focusItem = useCallback(
    (id: string | null, say?: string) => {
      setFocusedId(id);
      focusedRef.current = id;
      const item = find(id);
      setRing(item?.rect ?? null);
      if (item) {
        setAnnouncement(say ?? item.label);
        reveal(item.rect);
      } else if (say) setAnnouncement(say);
    },
    [find, reveal],
  );

  // Leave item focus on another tab.
  useEffect(() => {
    setFocusedId(null);
    setRing(null);
    setKeyboard(false);
  }, [options.resetKey]);

  // The ring follows its record when anyone changes the board; a removed record drops focus.
  useEffect(
    () =>
      latest.current.subscribe(() => {
        if (focusedRef.current === null) return;
        const item = find(focusedRef.current);
        setRing(item?.rect ?? null);
        if (!item) setFocusedId(null);
      }),
    [find],
  );

  // A board's DOM asks for an item (a stakeholder just placed from the tray): focus the canvas on it.
  useEffect(
    () =>
      canvasFocusRequest.subscribe(() => {
        const id = canvasFocusRequest.get();
        if (id === null) return;
        canvasFocusRequest.set(null);
        // After the record's write has been drawn.
        requestAnimationFrame(() => {
          const element = latest.current.container();
          if (!element) return;
          keyboardRef.current = true;
          setKeyboard(true);
          element.focus({ preventScroll: true });
          focusItem(id);
        });
      }),
    [focusItem],
  );

  // An item opened for editing takes the focus (an in-place editor); when the editor
  // closes and leaves the focus nowhere, it comes back to the canvas on that item.
  // Watched frame by frame while the editor is open (a removed element fires no blur).
  const restoreAfterEdit = useRef(false);
  const watchEditor = useCallback(() => {
    restoreAfterEdit.current = true;
    let editor: Element | null = null;
    let waited = 0;
    const check = () => {
      if (!restoreAfterEdit.current) return;
      const container = latest.current.container();
      const active = document.activeElement;
      if (editor === null) {
        // The editor mounts on the next render: until something other than the canvas has the focus, wait.
        if (active === container) {
          // Opening it kept the focus here (a side panel editor): nothing to watch.
          if (++waited > EDITOR_WAIT_FRAMES) restoreAfterEdit.current = false;
          else requestAnimationFrame(check);
          return;
        }
        editor = active;
      }
      if (active !== null && active !== document.body) {
        if (active === editor) return void requestAnimationFrame(check);
        restoreAfterEdit.current = false; // the person went elsewhere
        return;
      }
      restoreAfterEdit.current = false;
      if (!container?.isConnected) return;
      keyboardRef.current = true;
      setKeyboard(true);
      container.focus({ preventScroll: true });
      focusItem(focusedRef.current);
    };
    requestAnimationFrame(check);
  }, [focusItem]);

  const onCanvas = (event: KeyInput) => keyboardRef.current && event.target !== null && event.target === latest.current.container();
  const focused = () => find(focusedRef.current);

  const step = (event: KeyInput, pick: (items: FocusableItem[], from: string | null) => string | null) => {
    event.preventDefault();
    const items = latest.current.items();
    if (items.length === 0) {
      setAnnouncement('Nothing on this canvas yet.');
      return;
    }
    const current = focusedRef.current !== null && items.some((item) => item.id === focusedRef.current) ? focusedRef.current : null;
    const next = pick(items, current);
    if (next !== null) focusItem(next);
  };

  const shortcuts: (Shortcut | ShortcutHint)[] = [
    {
      group: options.group,
      keys: 'Arrows',
      description: 'Go to the nearest item that way (once the canvas has keyboard focus)',
      match: (e) => onCanvas(e) && arrowDirection(e.key) !== null && !withMod(e) && !e.altKey && !e.shiftKey,
      run: (e) =>
        step(e, (items, from) => (from === null ? stepInReadingOrder(items, null) : nearestInDirection(items, from, arrowDirection(e.key)!))),
    },
    {
      group: options.group,
      keys: 'Page Down, Page Up',
      description: 'Next or previous item in reading order',
      match: (e) => onCanvas(e) && (e.key === 'PageDown' || e.key === 'PageUp') && !withMod(e),
      run: (e) => step(e, (items, from) => stepInReadingOrder(items, from, e.key === 'PageUp')),
    },
    {
      group: options.group,
      keys: 'Home, End',
      description: 'First or last item in reading order',
      match: (e) => onCanvas(e) && (e.key === 'Home' || e.key === 'End') && !withMod(e),
      run: (e) => step(e, (items) => stepInReadingOrder(items, null, e.key === 'End')),
    },
    {
      group: options.group,
      keys: 'Enter',
      description: 'Open or edit the focused item',
      match: (e) => onCanvas(e) && e.key === 'Enter' && !withMod(e) && focused()?.activate !== undefined,
      run: (e) => {
        e.preventDefault();
        focused()?.activate?.();
        watchEditor();
      },
    },
    {
      group: options.group,
      keys: 'Delete',
      description: 'Delete the focused item',
      match: (e) => onCanvas(e) && (e.key === 'Delete' || e.key === 'Backspace') && focused()?.remove !== undefined,
      run: (e) => {
        e.preventDefault();
        const items = latest.current.items();
        const gone = focusedRef.current;
        const after = gone === null ? null : stepInReadingOrder(items, gone);
        focused()?.remove?.();
        const next = after !== gone ? find(after) : undefined;
        if (next) focusItem(next.id, `Deleted. ${next.label}`);
        else focusItem(null, 'Deleted.');
      },
    },
    {
      group: options.group,
      keys: 'Ctrl+Arrows',
      description: 'Move the focused item one step that way',
      match: (e) => onCanvas(e) && arrowDirection(e.key) !== null && withMod(e) && !e.altKey && focused()?.move !== undefined,
      run: (e) => {
        e.preventDefault();
        const id = focusedRef.current;
        focused()?.move?.(arrowDirection(e.key)!);
        focusItem(id);
      },
    },
    {
      group: options.group,
      keys: 'Escape',
      description: 'Leave the focused item',
      match: (e) => onCanvas(e) && e.key === 'Escape' && focusedRef.current !== null,
      // The other Escape shortcuts (clear a selection, close an editor) still run.
      run: () => focusItem(null, 'Left the items. Arrow keys go back to them.'),
    },
    ...options.hints,
  ];
  useShortcuts(shortcuts, true, true);

  return {
    ring: focusedId === null || !keyboard ? null : ring,
    announcement,
    containerProps: {
      tabIndex: 0,
      onPointerDownCapture() {
        pointerFocus.current = true;
        restoreAfterEdit.current = false;
        if (focusedRef.current !== null) focusItem(null);
        setKeyboard(false);
        keyboardRef.current = false;
      },
      onFocus(event) {
        if (event.target !== event.currentTarget) return;
        if (pointerFocus.current) {
          pointerFocus.current = false;
          return;
        }
        keyboardRef.current = true;
        setKeyboard(true);
        const count = latest.current.items().length;
        const item = find(focusedRef.current);
        setRing(item?.rect ?? null);
        setAnnouncement(
          item
            ? item.label
            : `${latest.current.label}: ${count === 0 ? 'nothing here yet' : count === 1 ? '1 item' : `${count} items`}. Arrow keys go from item to item, Enter opens one, Ctrl+arrows move it, Escape leaves.`,
        );
      },
      onBlur(event) {
        if (event.target !== event.currentTarget) return;
        pointerFocus.current = false;
      },
    },
  };
}
