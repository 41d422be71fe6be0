/**
 * The board's keyboard shortcuts: one registry, one `keydown` listener on the
 * window. Boards and the shell register what they handle with the keys and a
 * description; the `?` help lists every registered shortcut. Nothing fires
 * while the person types in a field (`isTyping`) or while a dialog or menu has
 * the keyboard (`keyboardHeldBy`: a side drawer lets Escape through), and a handler that calls
 * `preventDefault` stops the shortcuts after it (the first registered runs first).
 */
import { createValueStore, type ValueStore } from '../lib/valueStore';

/** The parts of a key event shortcuts read (a DOM KeyboardEvent has them all). */
export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey?: boolean;
  repeat?: boolean;
  target: EventTarget | null;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export interface Shortcut {
  /** The keys as the help shows them, e.g. "Ctrl+Z" or "Delete". */
  keys: string;
  description: string;
  /** Heading in the help: "Board", "Notes", "Logic model"... */
  group: string;
  /** Whether this shortcut handles the event. */
  match(event: KeyInput): boolean;
  run(event: KeyInput): void;
  /** Also fire while a button has focus (where Enter, Space and Delete belong to the button). Default true. */
  onButtons?: boolean;
}

/** A help entry with no handler of its own (a gesture such as space+drag). */
export interface ShortcutHint {
  keys: string;
  description: string;
  group: string;
}

interface TargetLike {
  tagName?: unknown;
  isContentEditable?: unknown;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

/** Roles whose element reads the keys itself, like a text field: typing there is never a shortcut. */
const TEXT_ROLES = /^(textbox|searchbox|combobox|spinbutton|slider)$/;

/** Whether a key press goes to a text field (input, textarea, select, editable content or a text-like role), not to the board. */
export function isTyping(target: EventTarget | null): boolean {
  if (target === null || typeof target !== 'object') return false;
  const t = target as TargetLike;
  if (t.isContentEditable === true || (typeof t.tagName === 'string' && /^(INPUT|TEXTAREA|SELECT|OPTION)$/.test(t.tagName))) return true;
  const role = typeof t.getAttribute === 'function' ? t.getAttribute('role') : null;
  if (role !== null && TEXT_ROLES.test(role)) return true;
  // An editor's inner node (a rich-text editor's paragraph) or a widget inside editable content.
  return typeof t.closest === 'function' && t.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Where a dialog or a menu has the keyboard, the board keeps quiet: a modal
 * dialog, a menu or a list box takes every key (its own handlers close it);
 * inside a non-modal panel (a drawer beside the board) only Escape reaches the
 * board's shortcuts, so Escape still closes the panel the usual way.
 */
export function keyboardHeldBy(target: EventTarget | null): 'modal' | 'panel' | null {
  if (target === null || typeof target !== 'object') return null;
  const t = target as TargetLike;
  if (typeof t.closest !== 'function') return null;
  if (t.closest('[aria-modal="true"], [role="menu"], [role="menubar"], [role="listbox"], [role="alertdialog"]') !== null) return 'modal';
  if (t.closest('[role="dialog"]') !== null) return 'panel';
  return null;
}

/** Whether the board's shortcuts may see this key press at all. */
export function boardHasKeyboard(event: Pick<KeyInput, 'key' | 'target'>): boolean {
  if (isTyping(event.target)) return false;
  const holder = keyboardHeldBy(event.target);
  return holder === null || (holder === 'panel' && event.key === 'Escape');
}

function onButton(target: EventTarget | null): boolean {
  return target !== null && typeof target === 'object' && (target as TargetLike).tagName === 'BUTTON';
}

/** `mod` is Ctrl on Windows and Linux, Cmd on a Mac. */
export function withMod(event: KeyInput): boolean {
  return event.ctrlKey || event.metaKey;
}

export interface ShortcutRegistry {
  /** Add shortcuts (and help-only hints), after those already there or, `first`, before them; returns the function that removes them. */
  register(shortcuts: readonly (Shortcut | ShortcutHint)[], first?: boolean): () => void;
  /** Run the matching shortcuts for one key press; true when one ran. */
  dispatch(event: KeyInput): boolean;
  /** Every registered entry, in registration order, for the help. */
  entries: ValueStore<readonly (Shortcut | ShortcutHint)[]>;
  /** Whether Space is held (outside text fields): space+drag pans every board. */
  spaceHeld: ValueStore<boolean>;
  /** Listen on a window (once however many callers ask); returns the function that stops. */
  attach(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void;
}

const runs = (entry: Shortcut | ShortcutHint): entry is Shortcut => 'run' in entry;

export function createShortcutRegistry(): ShortcutRegistry {
  const entries = createValueStore<readonly (Shortcut | ShortcutHint)[]>([]);
  const spaceHeld = createValueStore(false);
  let attached = 0;

  const dispatch = (event: KeyInput): boolean => {
    if (event.code === 'Space' && !isTyping(event.target) && keyboardHeldBy(event.target) === null) {
      if (!event.repeat) spaceHeld.set(true);
      event.preventDefault();
      return false;
    }
    if (!boardHasKeyboard(event)) return false;
    let ran = false;
    for (const entry of entries.get()) {
      if (event.defaultPrevented) break;
      if (!runs(entry) || !entry.match(event)) continue;
      if (entry.onButtons === false && onButton(event.target)) continue;
      entry.run(event);
      ran = true;
    }
    return ran;
  };

  const onKeyDown = (event: Event) => dispatch(event as KeyboardEvent);
  const onKeyUp = (event: Event) => {
    if ((event as KeyboardEvent).code === 'Space') spaceHeld.set(false);
  };
  const onBlur = () => spaceHeld.set(false);

  return {
    entries,
    spaceHeld,
    dispatch,
    register(shortcuts, first = false) {
      const added = [...shortcuts];
      entries.set((list) => (first ? [...added, ...list] : [...list, ...added]));
      return () => entries.set((list) => list.filter((entry) => !added.includes(entry)));
    },
    attach(target) {
      attached += 1;
      if (attached === 1) {
        target.addEventListener('keydown', onKeyDown);
        target.addEventListener('keyup', onKeyUp);
        target.addEventListener('blur', onBlur);
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        attached -= 1;
        if (attached > 0) return;
        target.removeEventListener('keydown', onKeyDown);
        target.removeEventListener('keyup', onKeyUp);
        target.removeEventListener('blur', onBlur);
        spaceHeld.set(false);
      };
    },
  };
}

/** Help entries grouped under their headings, each keys + description once. */
export function helpGroups(entries: readonly ShortcutHint[]): { group: string; items: ShortcutHint[] }[] {
  const groups = new Map<string, ShortcutHint[]>();
  for (const entry of entries) {
    const items = groups.get(entry.group) ?? [];
    // One line per key in a group: what else the same key does there joins its description.
    const same = items.findIndex((item) => item.keys === entry.keys);
    const known = same >= 0 ? items[same]!.description.split('; ').map((d) => d.toLowerCase()) : [];
    if (same < 0) items.push({ keys: entry.keys, description: entry.description, group: entry.group });
    else if (!known.includes(entry.description.toLowerCase())) {
      const more = entry.description.charAt(0).toLowerCase() + entry.description.slice(1);
      items[same] = { ...items[same]!, description: `${items[same]!.description}; ${more}` };
    }
    groups.set(entry.group, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Plain key, no Ctrl, Cmd or Alt. */
export const plainKey =
  (...keys: string[]) =>
  (event: KeyInput): boolean =>
    !withMod(event) && !event.altKey && keys.includes(event.key);
