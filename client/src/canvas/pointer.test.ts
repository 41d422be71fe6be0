import { describe, expect, it } from 'vitest';
import { createValueStore } from '../lib/valueStore';
import type { Camera } from './camera';
import { startPan } from './pan';
import { trackPointer } from './pointer';

function pointer(type: string, pointerId: number, clientX = 0, clientY = 0): PointerEvent {
  return Object.assign(new Event(type), { pointerId, clientX, clientY }) as PointerEvent;
}

describe('trackPointer', () => {
  it('follows one pointer until it is released, ignoring others, then stops listening', () => {
    const target = new EventTarget();
    const moves: number[] = [];
    const ends: boolean[] = [];
    trackPointer(7, { move: (e) => moves.push(e.clientX), end: (_e, cancelled) => ends.push(cancelled) }, target);
    target.dispatchEvent(pointer('pointermove', 7, 10));
    target.dispatchEvent(pointer('pointermove', 8, 99));
    target.dispatchEvent(pointer('pointerup', 8));
    target.dispatchEvent(pointer('pointermove', 7, 20));
    target.dispatchEvent(pointer('pointerup', 7));
    target.dispatchEvent(pointer('pointermove', 7, 30));
    target.dispatchEvent(pointer('pointerup', 7));
    expect(moves).toEqual([10, 20]);
    expect(ends).toEqual([false]);
  });

  it('reports a cancelled gesture, and can be stopped early', () => {
    const target = new EventTarget();
    const ends: boolean[] = [];
    trackPointer(1, { end: (_e, cancelled) => ends.push(cancelled) }, target);
    target.dispatchEvent(pointer('pointercancel', 1));
    expect(ends).toEqual([true]);
    const moves: number[] = [];
    const stop = trackPointer(2, { move: (e) => moves.push(e.clientX) }, target);
    stop();
    target.dispatchEvent(pointer('pointermove', 2, 5));
    expect(moves).toEqual([]);
  });
});

describe('startPan', () => {
  it('moves the camera by the pointer travel from where it went down', () => {
    const target = new EventTarget();
    const camera = createValueStore<Camera>({ x: 100, y: 50, zoom: 2 });
    let moved = 0;
    startPan(camera, { clientX: 10, clientY: 10, pointerId: 1 }, { target, moved: () => (moved += 1) });
    target.dispatchEvent(pointer('pointermove', 1, 30, 5));
    expect(camera.get()).toEqual({ x: 120, y: 45, zoom: 2 });
    target.dispatchEvent(pointer('pointermove', 1, 40, 40));
    expect(camera.get()).toEqual({ x: 130, y: 80, zoom: 2 });
    expect(moved).toBe(2);
  });

  it('treats a press that travels less than the slop as a click', () => {
    const target = new EventTarget();
    const camera = createValueStore<Camera>({ x: 0, y: 0, zoom: 1 });
    const ends: [boolean, boolean][] = [];
    startPan(camera, { clientX: 0, clientY: 0, pointerId: 3 }, { target, slop: 4, end: (panned, _e, cancelled) => ends.push([panned, cancelled]) });
    target.dispatchEvent(pointer('pointermove', 3, 2, 2));
    target.dispatchEvent(pointer('pointerup', 3, 2, 2));
    expect(camera.get()).toEqual({ x: 0, y: 0, zoom: 1 });
    startPan(camera, { clientX: 0, clientY: 0, pointerId: 4 }, { target, slop: 4, end: (panned, _e, cancelled) => ends.push([panned, cancelled]) });
    target.dispatchEvent(pointer('pointermove', 4, 10, 0));
    target.dispatchEvent(pointer('pointercancel', 4));
    expect(camera.get().x).toBe(10);
    expect(ends).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});
