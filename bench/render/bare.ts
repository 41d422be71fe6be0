/**
 * The practical limit: a bare Konva page drawing the same cards as ours (one
 * rectangle and one text each, at the same world boxes), with the same camera
 * maths for wheel pan and ctrl+wheel zoom. With `cull`, only the cards that
 * intersect the viewport are in the layer (a uniform grid index finds them,
 * nodes of cards that stay in view are kept); without it, all of them are.
 * Served by a tiny local HTTP server; Konva comes from node_modules.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../lib/harness';

export interface BareCard {
  /** The card's box (world units); cornerRadius makes it a circle for stakeholders. */
  x: number;
  y: number;
  width: number;
  height: number;
  cornerRadius: number;
  fill: string;
  /** The card's text box. */
  text: string;
  textX: number;
  textY: number;
  textWidth: number;
  textHeight: number;
  fontSize: number;
}

export interface BareScene {
  cards: BareCard[];
  /** Where the canvas sits in the page (ours' `.canvas` box), so both draw the same pixels. */
  box: { x: number; y: number; width: number; height: number };
  camera: { x: number; y: number; zoom: number };
  cull: boolean;
}

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare konva</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#fff;font-family:system-ui,sans-serif}#stage{position:absolute}</style>
</head><body><div id="stage" class="canvas"></div><script src="/konva.min.js"></script><script src="/bare.js"></script></body></html>`;

/** Runs in the page. Same wheel maths as client/src/canvas/camera.ts (panBy, zoomBy, wheelZoomFactor, clampZoom). */
const PAGE_SCRIPT = `(async () => {
  const scene = await (await fetch('/scene.json')).json();
  const { cards, box, cull } = scene;
  let camera = scene.camera;
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const container = document.getElementById('stage');
  Object.assign(container.style, { left: box.x + 'px', top: box.y + 'px', width: box.width + 'px', height: box.height + 'px' });
  const stage = new Konva.Stage({ container, width: box.width, height: box.height });
  const layer = new Konva.Layer({ listening: false });
  stage.add(layer);

  const makeNodes = (c) => [
    new Konva.Rect({ x: c.x, y: c.y, width: c.width, height: c.height, cornerRadius: c.cornerRadius, fill: c.fill, stroke: '#94a3b8', strokeWidth: 1, strokeScaleEnabled: false, listening: false, perfectDrawEnabled: false }),
    new Konva.Text({ x: c.textX, y: c.textY, width: c.textWidth, height: c.textHeight, text: c.text, fontSize: c.fontSize, lineHeight: 1.25, fontFamily: FONT, fill: '#1f2937', wrap: 'word', ellipsis: true, listening: false, perfectDrawEnabled: false }),
  ];
  // Card bounds include the text box (labels hang under stakeholder circles).
  const bounds = cards.map((c) => {
    const x0 = Math.min(c.x, c.textX), y0 = Math.min(c.y, c.textY);
    const x1 = Math.max(c.x + c.width, c.textX + c.textWidth), y1 = Math.max(c.y + c.height, c.textY + c.textHeight);
    return [x0, y0, x1, y1];
  });
  const CELL = 512;
  const grid = new Map();
  bounds.forEach(([x0, y0, x1, y1], i) => {
    for (let gx = Math.floor(x0 / CELL); gx <= Math.floor(x1 / CELL); gx++)
      for (let gy = Math.floor(y0 / CELL); gy <= Math.floor(y1 / CELL); gy++) {
        const key = gx + ',' + gy;
        let list = grid.get(key);
        if (!list) grid.set(key, (list = []));
        list.push(i);
      }
  });
  const mounted = new Map();
  const mount = (i) => {
    const nodes = makeNodes(cards[i]);
    for (const n of nodes) layer.add(n);
    mounted.set(i, nodes);
  };
  const visibleSet = () => {
    const x0 = -camera.x / camera.zoom, y0 = -camera.y / camera.zoom;
    const x1 = x0 + box.width / camera.zoom, y1 = y0 + box.height / camera.zoom;
    const out = new Set();
    for (let gx = Math.floor(x0 / CELL); gx <= Math.floor(x1 / CELL); gx++)
      for (let gy = Math.floor(y0 / CELL); gy <= Math.floor(y1 / CELL); gy++) {
        const list = grid.get(gx + ',' + gy);
        if (!list) continue;
        for (const i of list) {
          const b = bounds[i];
          if (b[2] >= x0 && b[0] <= x1 && b[3] >= y0 && b[1] <= y1) out.add(i);
        }
      }
    return out;
  };
  const update = () => {
    stage.position({ x: camera.x, y: camera.y });
    stage.scale({ x: camera.zoom, y: camera.zoom });
    if (cull) {
      const next = visibleSet();
      for (const [i, nodes] of mounted) if (!next.has(i)) { for (const n of nodes) n.destroy(); mounted.delete(i); }
      // New cards go on top (z-order is not kept: the cards barely overlap, and it costs O(n) a move).
      for (const i of next) if (!mounted.has(i)) mount(i);
    }
    layer.batchDraw();
  };
  if (!cull) cards.forEach((_, i) => mount(i));
  const clampZoom = (z) => Math.min(4, Math.max(0.1, z));
  container.addEventListener('wheel', (event) => {
    event.preventDefault();
    const rect = container.getBoundingClientRect();
    const p = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    if (event.ctrlKey || event.metaKey) {
      const factor = Math.exp(-Math.max(-100, Math.min(100, event.deltaY)) * 0.01);
      const zoom = clampZoom(camera.zoom * factor);
      const wx = (p.x - camera.x) / camera.zoom, wy = (p.y - camera.y) / camera.zoom;
      camera = { x: p.x - wx * zoom, y: p.y - wy * zoom, zoom };
    } else {
      camera = { ...camera, x: camera.x - event.deltaX, y: camera.y - event.deltaY };
    }
    update();
  }, { passive: false });
  window.__bare = {
    setCamera(next) { camera = next; update(); },
    mounted: () => mounted.size,
  };
  window.__bareReady = true;
  update();
})();`;

export interface BarePageServer {
  url: string;
  setScene(scene: BareScene): void;
  close(): Promise<void>;
}

export async function startBarePageServer(): Promise<BarePageServer> {
  const konva = readFileSync(join(repoRoot, 'node_modules', 'konva', 'konva.min.js'));
  let scene = '{}';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') send('text/html; charset=utf-8', HTML);
    else if (path === '/konva.min.js') send('text/javascript', konva);
    else if (path === '/bare.js') send('text/javascript', PAGE_SCRIPT);
    else if (path === '/scene.json') send('application/json', scene);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setScene: (next) => (scene = JSON.stringify(next)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
