import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { joinBoard } from '../helpers/browser';
import { pdfPagesToPng, readPdf } from '../helpers/pdf';
import { fillSampleBoard } from '../helpers/sampleBoard';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';
import { listRecords, updateRecord } from '@pc/shared';

/**
 * The Export menu in Chromium against the real server: a PNG at a chosen
 * scale, the PDF review pack with a comparison, and a CSV import with the
 * server's preview, then the same file again (nothing added twice).
 */

const suite = browserSuite('exports');
const pool = new ClientPool();
let board: CreatedBoard;
let owner: Page;

/** The stakeholder map's side list, one item per stakeholder. */
const STAKEHOLDERS = 'li[data-stakeholder-id]';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Kinship Carers’ Partnership');
  const editor = pool.connect(suite.server, board.id, board.tokens.edit);
  await editor.synced();
  fillSampleBoard(editor.doc);
  await fetch(`${suite.server.url}/api/boards/${board.id}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board.tokens.edit}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'March review' }),
  });
  // A change since the review point, for the pack's "What changed".
  const mp = listRecords(editor.doc, 'stakeholders').find((s) => s.record.name === 'Local MP')!;
  updateRecord(editor.doc, 'stakeholders', mp.record.id, { interest: 4 });
  owner = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Ana', { contexts: suite.contexts, errors: suite.errors, viewport: { width: 1440, height: 900 } });
  await owner.locator(STAKEHOLDERS).filter({ hasText: 'Power 4, interest 4: Manage closely' }).nth(1).waitFor({ state: 'attached' });
  pool.destroyAll();
}, 90_000);

describe('the Export menu', () => {
  it('offers every export with a line of explanation', async () => {
    await owner.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = owner.getByRole('dialog', { name: 'Export and import' });
    for (const heading of ['PDF review pack', 'Picture (PNG)', 'Tables (CSV)', 'Data and backup', 'Import']) await menu.getByRole('heading', { name: heading, exact: true }).waitFor();
    await expect(menu.getByRole('button', { name: 'Backup (.yjs)' }).isEnabled()).resolves.toBe(true);
    await menu.getByRole('option', { name: 'March review' }).waitFor({ state: 'attached' });
    await owner.screenshot({ path: join(suite.shots, 'export-menu.png') });
  });

  it('downloads a PNG of the visible area whose pixel size is the canvas size times the scale', async () => {
    const menu = owner.getByRole('dialog', { name: 'Export and import' });
    const canvas = (await owner.locator('.canvas .konvajs-content').boundingBox())!;
    const camera = await owner.locator('.canvas').getAttribute('data-camera');
    await menu.getByLabel('3x').check();
    const { download, bytes } = await downloaded(owner, () => menu.getByRole('button', { name: 'Download PNG' }).click());
    expect(download.suggestedFilename()).toBe('Kinship Carers’ Partnership - Stakeholder map.png');
    expect(pngSize(bytes)).toEqual({ width: Math.round(canvas.width) * 3, height: Math.round(canvas.height) * 3 });
    await menu.getByRole('status').filter({ hasText: /Downloaded .*\.png/ }).waitFor();

    await menu.getByLabel('Whole tab').check();
    await menu.getByLabel('1x').check();
    // Every frame the browser paints during the export: the stage's transform and size as drawn, and the camera the canvas shows.
    await owner.evaluate(() => {
      const w = window as unknown as { Konva: { stages: { x(): number; y(): number; scaleX(): number; width(): number; height(): number }[] }; frameSamples: string[]; sampling: boolean };
      w.frameSamples = [];
      w.sampling = true;
      const sample = () => {
        if (!w.sampling) return;
        const stage = w.Konva.stages[0]!;
        const camera = document.querySelector('.canvas')?.getAttribute('data-camera');
        w.frameSamples.push(`${stage.x()},${stage.y()},${stage.scaleX()} ${stage.width()}x${stage.height()} ${camera}`);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const whole = await downloaded(owner, () => menu.getByRole('button', { name: 'Download PNG' }).click());
    await menu.getByRole('status').filter({ hasText: /Downloaded .*\.png/ }).waitFor();
    const frames = await owner.evaluate(() => {
      const w = window as unknown as { frameSamples: string[]; sampling: boolean };
      w.sampling = false;
      return w.frameSamples;
    });
    expect(frames.length).toBeGreaterThan(3);
    expect(new Set(frames)).toEqual(new Set([frames[0]]));
    const size = pngSize(whole.bytes);
    expect(size.width).toBeGreaterThan(200);
    writeFileSync(join(suite.shots, 'stakeholder-map-whole-tab.png'), whole.bytes);
    // The stage and the camera are back as they were.
    await waitFor(async () => (await owner.locator('.canvas').getAttribute('data-camera')) === camera);
    expect((await owner.locator('.canvas .konvajs-content').boundingBox())!.width).toBe(canvas.width);
  });

  it('downloads the PDF review pack with what changed since a review point', async () => {
    const menu = owner.getByRole('dialog', { name: 'Export and import' });
    await menu.getByLabel('Include what changed since').selectOption({ label: 'March review' });
    const { download, bytes } = await downloaded(owner, () => menu.getByRole('button', { name: 'Download PDF' }).click());
    expect(download.suggestedFilename()).toMatch(/^kinship-carers-partnership-review-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(new Uint8Array(bytes));
    expect(pdf.text[0]).toContain('Kinship Carers’ Partnership');
    expect(pdf.text[1]).toContain('What changed since March review');
    expect(pdf.text[1]).toContain('Local MP: interest 1 → 4, moved to Manage closely');
    const pages = await pdfPagesToPng(new Uint8Array(bytes), 2);
    pages.forEach((png, i) => writeFileSync(join(suite.shots, `review-pack-page-${i + 1}.png`), png));
  });

  it('imports stakeholders from CSV after a preview, shows refused rows, and adds nothing the second time', async () => {
    const menu = owner.getByRole('dialog', { name: 'Export and import' });
    await menu.getByRole('button', { name: 'Import stakeholders / matrix from CSV…' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Import from CSV' });
    const file = dialog.getByLabel('CSV file');

    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('name,power\nCarers Cymru,2\nBig Funder,9\n') });
    await dialog.getByRole('alert').getByText('Row 3: power').waitFor();
    await expect(dialog.getByRole('button', { name: /^Apply/ }).isDisabled()).resolves.toBe(true);

    const csv = Buffer.from('name,organisation,power,interest\nHealth Board,NHS Wales,4,4\nCarers Cymru,,3,4\nFood Bank,,1,3\n');
    await file.setInputFiles({ name: 'stakeholders.csv', mimeType: 'text/csv', buffer: csv });
    const preview = dialog.getByRole('region', { name: 'Import preview' });
    await preview.getByText('2 new stakeholders, 1 updated.').waitFor();
    expect(await preview.locator('li').allInnerTexts()).toEqual(['Row 2: update Health Board (organisation)', 'Row 3: add Carers Cymru', 'Row 4: add Food Bank']);
    await owner.screenshot({ path: join(suite.shots, 'import-preview.png') });
    await dialog.getByRole('button', { name: 'Apply: 2 new stakeholders, 1 updated' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Imported “stakeholders.csv”: 2 new stakeholders, 1 updated.' }).waitFor();
    await owner.locator(STAKEHOLDERS).filter({ hasText: 'Carers Cymru' }).waitFor({ state: 'attached' });
    const count = () => owner.locator(STAKEHOLDERS).count();
    const after = await count();

    // The same file again: everything is already there.
    await file.setInputFiles({ name: 'stakeholders.csv', mimeType: 'text/csv', buffer: csv });
    await preview.getByText('3 already up to date.').waitFor();
    await expect(dialog.getByRole('button', { name: 'Apply' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await waitFor(async () => (await count()) === after);
  });

  it('shows a viewer what a view link allows', async () => {
    const viewer = await joinBoard(suite.browser, suite.server.url, board.links.view, 'Vic', { contexts: suite.contexts, errors: suite.errors });
    await viewer.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = viewer.getByRole('dialog', { name: 'Export and import' });
    await menu.getByText('Only the facilitator’s (owner) link can download a backup.').waitFor();
    await expect(menu.getByRole('button', { name: 'Backup (.yjs)' }).isDisabled()).resolves.toBe(true);
    await expect(menu.getByRole('button', { name: 'Import stakeholders / matrix from CSV…' }).isDisabled()).resolves.toBe(true);
    await expect(menu.getByRole('button', { name: 'Download PDF' }).isEnabled()).resolves.toBe(true);
    expect(suite.errors.get('Vic') ?? [], JSON.stringify(suite.errors.get('Vic'))).toEqual([]);
    // The refused CSV's 422 is logged by the browser as a failed load; nothing else may be.
    expect((suite.errors.get('Ana') ?? []).filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
