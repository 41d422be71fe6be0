import { useEffect, useRef } from 'react';
import { createShortcutRegistry, type KeyInput, type Shortcut, type ShortcutHint } from './shortcuts';

/** The window's shortcuts: one keyboard, one registry (it listens only while a board page is mounted). */
export const boardShortcuts = createShortcutRegistry();

/** Listen for the registered shortcuts on the window while the calling component is mounted. */
export function useShortcutListener(): void {
  useEffect(() => boardShortcuts.attach(window), []);
}

/**
 * Register shortcuts while the component is mounted (and `active`); `first` puts
 * them before every other (the canvas's item focus owns the arrows). Handlers may
 * read fresh props: the latest render's `shortcuts` run, the registration stays.
 */
export function useShortcuts(shortcuts: readonly (Shortcut | ShortcutHint)[], active = true, first = false): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  const shape = shortcuts.map((s) => `${s.group}|${s.keys}|${s.description}`).join('\n');
  useEffect(() => {
    if (!active) return;
    const stable = latest.current.map((s, i): Shortcut | ShortcutHint => {
      if (!('run' in s)) return s;
      const pick = () => latest.current[i] as Shortcut | undefined;
      return { ...s, match: (event: KeyInput) => pick()?.match(event) ?? false, run: (event: KeyInput) => pick()?.run(event) };
    });
    return boardShortcuts.register(stable, first);
  }, [active, shape, first]);
}
