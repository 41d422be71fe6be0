import { describe, expect, it } from 'vitest';
import { screenPoint } from '../../lib/geometry';
import { MAX_ZOOM, screenToWorld, visibleWorldRect } from '../../canvas/camera';
import type { Peer } from '../../collab/presence';
import { cameraShowing, leaderAmong, sameCamera } from './followMath';

describe('following a viewport', () => {
  it('shows the same rectangle on a screen of the same size', () => {
    const theirs = { x: 100, y: 50, width: 1200, height: 800 };
    const camera = cameraShowing(theirs, { width: 1200, height: 800 });
    const shown = visibleWorldRect(camera, { width: 1200, height: 800 });
    expect(shown.x).toBeCloseTo(100);
    expect(shown.y).toBeCloseTo(50);
    expect(shown.width).toBeCloseTo(1200);
    expect(camera.zoom).toBeCloseTo(1);
  });

  it('fits a wide screen into a narrow one without cutting anything off, centred', () => {
    const theirs = { x: 0, y: 0, width: 1600, height: 900 };
    const mine = { width: 800, height: 900 };
    const camera = cameraShowing(theirs, mine);
    expect(camera.zoom).toBeCloseTo(0.5);
    const shown = visibleWorldRect(camera, mine);
    expect(shown.x).toBeCloseTo(0);
    expect(shown.width).toBeCloseTo(1600);
    // Taller than theirs, with the extra split above and below.
    expect(shown.height).toBeCloseTo(1800);
    expect(shown.y).toBeCloseTo(-450);
    const centre = screenToWorld(camera, screenPoint(400, 450));
    expect(centre.x).toBeCloseTo(800);
    expect(centre.y).toBeCloseTo(450);
  });

  it('fits a tall screen into a wide one by height', () => {
    const camera = cameraShowing({ x: -200, y: -300, width: 400, height: 600 }, { width: 1200, height: 300 });
    expect(camera.zoom).toBeCloseTo(0.5);
    const shown = visibleWorldRect(camera, { width: 1200, height: 300 });
    expect(shown.y).toBeCloseTo(-300);
    expect(shown.height).toBeCloseTo(600);
  });

  it('keeps the zoom within the canvas limits for a tiny rectangle', () => {
    expect(cameraShowing({ x: 0, y: 0, width: 1, height: 1 }, { width: 1000, height: 1000 }).zoom).toBe(MAX_ZOOM);
  });

  it('does nothing sensible-looking with no screen yet', () => {
    expect(cameraShowing({ x: 5, y: 5, width: 10, height: 10 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('treats sub-pixel differences as the same camera', () => {
    expect(sameCamera({ x: 1, y: 1, zoom: 1 }, { x: 1.2, y: 0.9, zoom: 1.0001 })).toBe(true);
    expect(sameCamera({ x: 1, y: 1, zoom: 1 }, { x: 3, y: 1, zoom: 1 })).toBe(false);
    expect(sameCamera({ x: 1, y: 1, zoom: 1 }, { x: 1, y: 1, zoom: 1.1 })).toBe(false);
  });

  it('finds the leader only while they are here, and never myself', () => {
    const peer = (clientId: number, isSelf = false): Peer => ({ clientId, isSelf, user: { name: `P${clientId}`, colour: '#000000' }, cursor: null, view: 'stakeholder-map', viewport: null });
    const peers = [peer(1, true), peer(2), peer(3)];
    expect(leaderAmong(peers, 2)?.clientId).toBe(2);
    expect(leaderAmong(peers, 4)).toBeNull();
    expect(leaderAmong(peers, 1)).toBeNull();
    expect(leaderAmong(peers, null)).toBeNull();
  });
});
