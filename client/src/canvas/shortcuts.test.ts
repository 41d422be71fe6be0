import { describe, expect, it } from 'vitest';
import { boardHasKeyboard, createShortcutRegistry, helpGroups, isTyping, keyboardHeldBy, plainKey, type KeyInput, type Shortcut } from './shortcuts';

function key(k: string, extra: Partial<KeyInput> = {}): KeyInput & { prevented: boolean } {
  const event = {
    key: k,
    code: k === ' ' ? 'Space' : `Key${k.toUpperCase()}`,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    repeat: false,
    target: null as EventTarget | null,
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      event.defaultPrevented = true;
      event.prevented = true;
    },
    ...extra,
  };
  return event;
}

const element = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as EventTarget;

describe('isTyping', () => {
  it('is true in text fields and editable content, false elsewhere', () => {
    expect(isTyping(element('INPUT'))).toBe(true);
    expect(isTyping(element('TEXTAREA'))).toBe(true);
    expect(isTyping(element('SELECT'))).toBe(true);
    expect(isTyping(element('DIV', true))).toBe(true);
    expect(isTyping(element('BUTTON'))).toBe(false);
    expect(isTyping(element('CANVAS'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

/** An element inside ancestors matching these selectors (each as `closest` would be asked for it). */
const inside = (tagName: string, ancestors: string[], role: string | null = null) =>
  ({
    tagName,
    isContentEditable: false,
    getAttribute: (name: string) => (name === 'role' ? role : null),
    closest: (selector: string) => (selector.split(',').some((part) => ancestors.includes(part.trim())) ? {} : null),
  }) as unknown as EventTarget;

describe('where the board has the keyboard', () => {
  it('counts a node inside editable content (a rich-text editor paragraph) and text-like roles as typing', () => {
    expect(isTyping(inside('P', ['[contenteditable]:not([contenteditable="false"])']))).toBe(true);
    expect(isTyping(inside('DIV', [], 'combobox'))).toBe(true);
    expect(isTyping(inside('DIV', [], 'textbox'))).toBe(true);
    expect(isTyping(inside('OPTION', []))).toBe(true);
    expect(isTyping(inside('DIV', [], 'button'))).toBe(false);
  });

  it('gives a modal dialog or a menu every key, and lets only Escape out of a side panel', () => {
    const modal = inside('BUTTON', ['[aria-modal="true"]', '[role="dialog"]']);
    const menu = inside('BUTTON', ['[role="menu"]']);
    const drawer = inside('BUTTON', ['[role="dialog"]']);
    expect(keyboardHeldBy(modal)).toBe('modal');
    expect(keyboardHeldBy(menu)).toBe('modal');
    expect(keyboardHeldBy(drawer)).toBe('panel');
    expect(keyboardHeldBy(inside('CANVAS', []))).toBe(null);
    expect(boardHasKeyboard({ key: 'n', target: modal })).toBe(false);
    expect(boardHasKeyboard({ key: 'Escape', target: modal })).toBe(false);
    expect(boardHasKeyboard({ key: 'n', target: menu })).toBe(false);
    expect(boardHasKeyboard({ key: 'n', target: drawer })).toBe(false);
    expect(boardHasKeyboard({ key: 'Escape', target: drawer })).toBe(true);
    expect(boardHasKeyboard({ key: 'n', target: inside('DIV', []) })).toBe(true);
  });

  it('runs no letter shortcut from a dialog, a menu or a select', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([{ keys: 'N', description: 'note', group: 'Test', match: plainKey('n'), run: () => log.push('n') }]);
    registry.dispatch(key('n', { target: inside('BUTTON', ['[aria-modal="true"]']) }));
    registry.dispatch(key('n', { target: inside('BUTTON', ['[role="menu"]']) }));
    registry.dispatch(key('n', { target: inside('BUTTON', ['[role="dialog"]']) }));
    registry.dispatch(key('n', { target: element('SELECT') }));
    expect(log).toEqual([]);
    registry.dispatch(key('n', { target: inside('DIV', []) }));
    expect(log).toEqual(['n']);
  });
});

describe('shortcut registry', () => {
  const shortcut = (keys: string, log: string[], extra: Partial<Shortcut> = {}): Shortcut => ({
    keys,
    description: `press ${keys}`,
    group: 'Test',
    match: plainKey(keys),
    run: () => log.push(keys),
    ...extra,
  });

  it('runs the matching shortcuts in registration order, until one prevents the default', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut('a', log), shortcut('b', log)]);
    registry.register([{ ...shortcut('a', log), run: (e) => (log.push('a2'), e.preventDefault()) }, shortcut('a', log)]);
    expect(registry.dispatch(key('b'))).toBe(true);
    registry.dispatch(key('a'));
    expect(log).toEqual(['b', 'a', 'a2']);
  });

  it('puts shortcuts registered first before the others', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut('a', log)]);
    registry.register([{ ...shortcut('a', log), run: (e) => (log.push('first'), e.preventDefault()) }], true);
    registry.dispatch(key('a'));
    expect(log).toEqual(['first']);
  });

  it('never fires while typing, and skips button-sensitive keys on buttons', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut('x', log), shortcut('Enter', log, { onButtons: false })]);
    expect(registry.dispatch(key('x', { target: element('INPUT') }))).toBe(false);
    registry.dispatch(key('Enter', { target: element('BUTTON') }));
    registry.dispatch(key('x', { target: element('BUTTON') }));
    registry.dispatch(key('Enter', { target: element('CANVAS') }));
    expect(log).toEqual(['x', 'Enter']);
  });

  it('ignores plain-key shortcuts with Ctrl or Cmd held, and events already handled', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut('z', log)]);
    registry.dispatch(key('z', { ctrlKey: true }));
    registry.dispatch(key('z', { metaKey: true }));
    registry.dispatch(key('z', { defaultPrevented: true }));
    expect(log).toEqual([]);
  });

  it('unregisters, and lists what is registered for the help', () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    const off = registry.register([shortcut('a', log), { keys: 'Space+drag', description: 'Pan', group: 'Board' }]);
    registry.register([shortcut('a', log)]);
    expect(helpGroups(registry.entries.get())).toEqual([
      { group: 'Test', items: [{ keys: 'a', description: 'press a', group: 'Test' }] },
      { group: 'Board', items: [{ keys: 'Space+drag', description: 'Pan', group: 'Board' }] },
    ]);
    off();
    expect(registry.entries.get().map((e) => e.keys)).toEqual(['a']);
  });

  it('lists a key once per group, with everything it does there', () => {
    const entries = [
      { keys: 'Enter', description: 'Edit the selected card', group: 'Logic model' },
      { keys: 'Enter', description: 'Open or edit the focused item', group: 'Logic model' },
      { keys: 'Enter', description: 'Edit the selected card', group: 'Logic model' },
      { keys: 'Enter', description: 'Edit the selected item', group: 'Notes' },
    ];
    expect(helpGroups(entries)).toEqual([
      { group: 'Logic model', items: [{ keys: 'Enter', description: 'Edit the selected card; open or edit the focused item', group: 'Logic model' }] },
      { group: 'Notes', items: [{ keys: 'Enter', description: 'Edit the selected item', group: 'Notes' }] },
    ]);
  });

  it('tracks Space held outside text fields (and keeps it from scrolling the page)', () => {
    const registry = createShortcutRegistry();
    const target = new EventTarget();
    const stop = registry.attach(target as unknown as Window);
    const down = Object.assign(new Event('keydown', { cancelable: true }), { key: ' ', code: 'Space', ctrlKey: false, metaKey: false, shiftKey: false });
    target.dispatchEvent(down);
    expect(registry.spaceHeld.get()).toBe(true);
    expect(down.defaultPrevented).toBe(true);
    target.dispatchEvent(Object.assign(new Event('keyup'), { code: 'Space' }));
    expect(registry.spaceHeld.get()).toBe(false);
    registry.dispatch(key(' ', { target: element('TEXTAREA') }));
    expect(registry.spaceHeld.get()).toBe(false);
    registry.dispatch(key(' '));
    target.dispatchEvent(new Event('blur'));
    expect(registry.spaceHeld.get()).toBe(false);
    stop();
  });

  it('listens once however many pages attach, until the last one leaves', () => {
    const registry = createShortcutRegistry();
    const target = new EventTarget();
    const log: string[] = [];
    registry.register([shortcut('q', log)]);
    const stopA = registry.attach(target as unknown as Window);
    const stopB = registry.attach(target as unknown as Window);
    const press = () => target.dispatchEvent(Object.assign(new Event('keydown', { cancelable: true }), { key: 'q', ctrlKey: false, metaKey: false, shiftKey: false }));
    press();
    stopA();
    press();
    stopB();
    press();
    expect(log).toEqual(['q', 'q']);
  });
});
