import { CONTACT_STATUS_LABELS, levelAnchor, QUADRANT_LABELS, QUADRANT_STRATEGIES, attitudeLabel, type MendelowQuadrant } from '@pc/shared';
import {
  addPageFurniture,
  clampLines,
  fitLine,
  INK,
  layoutTable,
  lineHeight,
  MUTED,
  PAGE,
  PageFlow,
  paginate,
  RULE,
  wrapText,
  type Measure,
  type Op,
  type Page,
  type TableColumn,
  type TableRow,
} from './layout';
import type { PackCard, ReviewPack } from './pack';

/** The sections of the pack, in order, each from a `ReviewPack`. Pure, like `layout.ts`. */

export const SECTION_TITLES = {
  cover: 'Review pack',
  grid: 'Stakeholder map: power and interest',
  comms: 'Communications plan',
  matrix: 'Skills, knowledge and resources matrix',
  gaps: 'Gaps and coverage warnings',
  logic: 'Logic model',
  actions: 'Action plan',
  checks: 'Logic model checks',
  changes: 'What changed',
} as const;

const ATTITUDE_FILL: Record<string, string> = {
  '-2': '#c0392b',
  '-1': '#e67e22',
  '0': '#95a5a6',
  '1': '#7fb77e',
  '2': '#2e8b57',
};
const NOT_ASSESSED_FILL = '#ffffff';

function attitudeFill(attitude: number | null): string {
  return attitude === null ? NOT_ASSESSED_FILL : (ATTITUDE_FILL[String(Math.max(-2, Math.min(2, Math.round(attitude))))] ?? NOT_ASSESSED_FILL);
}

const QUADRANT_FILL: Record<MendelowQuadrant, string> = {
  manageClosely: '#fde2e1',
  keepSatisfied: '#fff1d6',
  keepInformed: '#e0efff',
  monitor: '#eef1f4',
};

function cover(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.cover);
  const m = flow.measure;
  flow.y = PAGE.margin + 90;
  flow.text('REVIEW PACK', flow.left, 11, 'bold', MUTED);
  flow.y += 22;
  for (const line of clampLines(wrapText(pack.title, flow.width, 30, m, 'bold'), 3, flow.width, 30, m, 'bold')) {
    flow.text(line, flow.left, 30, 'bold');
    flow.y += lineHeight(30);
  }
  flow.y += 6;
  flow.text(pack.date, flow.left, 13, 'regular', MUTED);
  flow.y += 40;
  flow.text(pack.partners.length ? 'Partners' : 'No partners on this board yet', flow.left, 12, 'bold');
  flow.y += 20;
  const columnWidth = flow.width / 2;
  pack.partners.slice(0, 24).forEach((partner, i) => {
    const x = flow.left + (i >= 12 ? columnWidth : 0);
    const y = flow.y + (i % 12) * 16;
    flow.add({ kind: 'circle', x: x + 5, y: y + 5, r: 4.5, fill: partner.colour, stroke: RULE });
    const label = `${partner.name}${partner.lead ? ' (lead partner)' : ''} · ${partner.sector} sector`;
    flow.add({ kind: 'text', x: x + 16, y, text: fitLine(label, columnWidth - 24, 10.5, m), size: 10.5, weight: 'regular', color: INK });
  });
  flow.y += Math.min(12, pack.partners.length) * 16 + 6;
  if (pack.partners.length > 24) flow.paragraph(`and ${pack.partners.length - 24} more partners`, { color: MUTED });
  flow.y += 18;
  const facts = [
    `${pack.stakeholders.length} stakeholders`,
    `${pack.matrix.rows.length} matrix rows (${pack.matrix.rowsWithGaps} with gaps)`,
    `${pack.actions.length} activities`,
    `${pack.checks.length} logic model checks`,
  ];
  flow.paragraph(facts.join('  ·  '), { size: 10, color: MUTED });
  if (pack.changes) flow.paragraph(`Includes what changed since the review point "${pack.changes.sinceName}" (${pack.changes.sinceDate}).`, { size: 10, color: MUTED });
}

/**
 * The power/interest grid: five levels each way, the Mendelow quadrants shaded,
 * each stakeholder a dot coloured by attitude with its name, listed inside the
 * cell of its power and interest (so labels never overlap); a full cell ends
 * with "+N more".
 */
function grid(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.grid);
  flow.heading(SECTION_TITLES.grid);
  const m = flow.measure;
  const axis = 22;
  const size = Math.min(flow.room - axis - 4, 480);
  const cell = size / 5;
  const x0 = flow.left + axis;
  const y0 = flow.y;
  const ops: Op[] = [];
  const quadrantAt = (power: number, interest: number): MendelowQuadrant =>
    power >= 3 ? (interest >= 3 ? 'manageClosely' : 'keepSatisfied') : interest >= 3 ? 'keepInformed' : 'monitor';
  const cellX = (interest: number) => x0 + interest * cell;
  const cellY = (power: number) => y0 + (4 - power) * cell;
  for (let power = 0; power <= 4; power += 1) {
    for (let interest = 0; interest <= 4; interest += 1) {
      ops.push({ kind: 'rect', x: cellX(interest), y: cellY(power), w: cell, h: cell, fill: QUADRANT_FILL[quadrantAt(power, interest)], stroke: '#ffffff' });
    }
  }
  // The quadrant dividers sit on cell edges (levels 3-4 are high).
  ops.push({ kind: 'line', x1: cellX(3), y1: y0, x2: cellX(3), y2: y0 + size, color: MUTED, width: 1 });
  ops.push({ kind: 'line', x1: x0, y1: cellY(2), x2: x0 + size, y2: cellY(2), color: MUTED, width: 1 });
  ops.push({ kind: 'rect', x: x0, y: y0, w: size, h: size, stroke: MUTED });
  const corner = (q: MendelowQuadrant, x: number, y: number) =>
    ops.push({ kind: 'text', x: x + 3, y: y + 2, text: QUADRANT_LABELS[q].toUpperCase(), size: 6.5, weight: 'bold', color: MUTED });
  corner('manageClosely', cellX(3), cellY(4));
  corner('keepSatisfied', cellX(0), cellY(4));
  corner('keepInformed', cellX(3), cellY(2));
  corner('monitor', cellX(0), cellY(2));
  for (let level = 0; level <= 4; level += 1) {
    ops.push({ kind: 'text', x: cellX(level) + cell / 2 - 2, y: y0 + size + 3, text: String(level), size: 7, weight: 'regular', color: MUTED });
    ops.push({ kind: 'text', x: x0 - 9, y: cellY(level) + cell / 2 - 4, text: String(level), size: 7, weight: 'regular', color: MUTED });
  }
  ops.push({ kind: 'text', x: x0 + size / 2 - 20, y: y0 + size + 12, text: 'Interest →', size: 8, weight: 'bold', color: INK });
  ops.push({ kind: 'text', x: flow.left, y: y0 + size / 2 + 20, text: 'Power →', size: 8, weight: 'bold', color: INK, rotate: -90 });

  const labelSize = 6.5;
  const row = lineHeight(labelSize) + 0.5;
  const top = 12; // under the quadrant label
  const perCell = Math.max(1, Math.floor((cell - top - 2) / row));
  let overflow = false;
  for (let power = 0; power <= 4; power += 1) {
    for (let interest = 0; interest <= 4; interest += 1) {
      const here = pack.stakeholders.filter((s) => Math.round(s.power) === power && Math.round(s.interest) === interest);
      const shown = here.length > perCell ? here.slice(0, perCell - 1) : here;
      shown.forEach((s, i) => {
        const x = cellX(interest) + 4;
        const y = cellY(power) + top + i * row;
        ops.push({ kind: 'circle', x: x + 2.5, y: y + 3.2, r: 2.6, fill: attitudeFill(s.attitude), stroke: INK });
        ops.push({ kind: 'text', x: x + 8, y, text: fitLine(s.name, cell - 14, labelSize, m), size: labelSize, weight: 'regular', color: INK });
      });
      if (shown.length < here.length) {
        overflow = true;
        ops.push({ kind: 'text', x: cellX(interest) + 12, y: cellY(power) + top + shown.length * row, text: `+${here.length - shown.length} more`, size: labelSize, weight: 'bold', color: MUTED });
      }
    }
  }
  flow.add(...ops);

  // The legend and the quadrant counts beside the grid.
  const lx = x0 + size + 28;
  const lw = flow.left + flow.width - lx;
  let y = y0;
  const legendText = (text: string, size: number, weight: 'regular' | 'bold' = 'regular', color = INK) => {
    for (const line of wrapText(text, lw, size, m, weight)) {
      flow.add({ kind: 'text', x: lx, y, text: line, size, weight, color });
      y += lineHeight(size);
    }
  };
  legendText(`${pack.stakeholders.length} stakeholders, placed by their power (up) and interest (across).`, 9);
  if (overflow) legendText('A full cell ends with "+N more"; the communications plan lists every stakeholder.', 8, 'regular', MUTED);
  y += 8;
  for (const q of ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'] as const) {
    const count = pack.stakeholders.filter((s) => s.quadrant === q).length;
    flow.add({ kind: 'rect', x: lx, y: y + 1, w: 9, h: 9, fill: QUADRANT_FILL[q], stroke: MUTED });
    flow.add({ kind: 'text', x: lx + 14, y, text: `${QUADRANT_LABELS[q]}: ${count}`, size: 9, weight: 'bold', color: INK });
    y += lineHeight(9);
    legendText(QUADRANT_STRATEGIES[q], 8, 'regular', MUTED);
    y += 5;
  }
  y += 6;
  legendText('Attitude', 9, 'bold');
  for (const key of ['2', '1', '0', '-1', '-2', null] as const) {
    flow.add({ kind: 'circle', x: lx + 4, y: y + 4, r: 3.2, fill: key === null ? NOT_ASSESSED_FILL : ATTITUDE_FILL[key]!, stroke: INK });
    flow.add({ kind: 'text', x: lx + 14, y, text: key === null ? 'Not assessed' : attitudeLabel(Number(key)), size: 8, weight: 'regular', color: INK });
    y += lineHeight(8) + 1;
  }
}

function comms(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.comms);
  flow.heading(SECTION_TITLES.comms);
  if (pack.comms.length === 0) return flow.paragraph('No stakeholders on the map yet.', { color: MUTED });
  flow.paragraph('Who holds each relationship, how and how often the partnership is in touch, and when the next contact is due.', { color: MUTED });
  const w = flow.width;
  const columns: TableColumn[] = [
    { header: 'Stakeholder', width: w * 0.2 },
    { header: 'Organisation', width: w * 0.17 },
    { header: 'Held by', width: w * 0.2 },
    { header: 'Channel', width: w * 0.13 },
    { header: 'Frequency', width: w * 0.1 },
    { header: 'Next contact', width: w * 0.1 },
    { header: 'Status', width: w * 0.1 },
  ];
  const statusColor = { overdue: '#b42318', dueToday: '#b54708', notScheduled: '#b54708', scheduled: INK, noPlan: MUTED } as const;
  layoutTable(
    flow,
    columns,
    pack.comms.map((row) => ({
      cells: [
        { text: row.name, weight: 'bold' },
        { text: row.organisation },
        { text: row.ownerNames.join(', ') || 'Nobody yet' , color: row.ownerNames.length ? INK : MUTED },
        { text: row.channel },
        { text: row.frequency },
        { text: row.nextContact },
        { text: CONTACT_STATUS_LABELS[row.status], color: statusColor[row.status] },
      ],
    })),
  );
}

const CATEGORY_TITLES: Record<string, string> = { skill: 'Skills', knowledge: 'Knowledge', resource: 'Resources' };
/** Narrowest partner column that still shows "4 G R". */
const MIN_PARTNER_COLUMN = 34;

/** Partner columns per table pass: all of them when they fit, else the matrix is printed in several passes. */
export function partnerChunks(partnerCount: number, freeWidth: number): [number, number][] {
  const perPass = Math.max(1, Math.floor(freeWidth / MIN_PARTNER_COLUMN));
  const chunks: [number, number][] = [];
  for (let start = 0; start < partnerCount; start += perPass) chunks.push([start, Math.min(partnerCount, start + perPass)]);
  return chunks.length ? chunks : [[0, 0]];
}

function matrix(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.matrix);
  flow.heading(SECTION_TITLES.matrix);
  const { rows, partners } = pack.matrix;
  if (rows.length === 0) return flow.paragraph('No rows in the matrix yet.', { color: MUTED });
  flow.paragraph(
    'Each partner\'s level, 0 none to 4 can teach others (G: willing to give it, R: wants to receive it); the gap is the required level minus the best available.',
    { color: MUTED },
  );
  const fixed = { name: 170, level: 34, warnings: 150 };
  const free = flow.width - fixed.name - 3 * fixed.level - fixed.warnings;
  const chunks = partnerChunks(partners.length, free);
  chunks.forEach(([start, end], pass) => {
    if (chunks.length > 1) flow.paragraph(`Partners ${start + 1}-${end} of ${partners.length}`, { weight: 'bold', size: 9 });
    const width = end > start ? Math.min(80, free / (end - start)) : 0;
    const columns: TableColumn[] = [
      { header: 'Row', width: fixed.name },
      { header: 'Req.', width: fixed.level, align: 'center' },
      ...partners.slice(start, end).map((name) => ({ header: name, width, align: 'center' as const })),
      { header: 'Best', width: fixed.level, align: 'center' },
      { header: 'Gap', width: fixed.level, align: 'center' },
      { header: 'Coverage', width: fixed.warnings },
    ];
    const tableRows: TableRow[] = [];
    let category = '';
    for (const row of rows) {
      if (row.category !== category) {
        category = row.category;
        tableRows.push({ cells: [], group: CATEGORY_TITLES[category] ?? category });
      }
      tableRows.push({
        cells: [
          { text: row.group ? `${row.name} (${row.group})` : row.name, weight: 'bold' },
          { text: String(row.required) },
          ...row.cells.slice(start, end).map((c) => {
            const anchor = levelAnchor(c.level);
            return { text: `${c.level}${c.gives ? ' G' : ''}${c.receives ? ' R' : ''}`, fill: anchor.fill, color: anchor.text };
          }),
          { text: String(row.best) },
          { text: String(row.gap), weight: row.gap > 0 ? 'bold' : 'regular', color: row.gap > 0 ? '#b42318' : INK, fill: row.gap > 0 ? '#fde2e1' : undefined },
          { text: row.warnings.map((w) => w.label).join('; '), color: '#b54708' },
        ],
      });
    }
    layoutTable(flow, columns, tableRows);
    if (pass < chunks.length - 1) flow.gap(6);
  });

  flow.heading(SECTION_TITLES.gaps, 13);
  const concerns = rows.filter((r) => r.gap > 0 || r.warnings.length > 0);
  if (concerns.length === 0) return flow.paragraph('Every row is covered at its required level, by more than one partner.', { color: MUTED });
  flow.paragraph(`${pack.matrix.rowsWithGaps} rows fall short of the required level; ${pack.matrix.rowsWithWarnings} have coverage warnings.`, { color: MUTED });
  for (const row of concerns) {
    const parts = [row.gap > 0 ? `needs level ${row.required}, the best partner has ${row.best} (gap ${row.gap}).` : ''];
    for (const w of row.warnings) parts.push(`${w.label}: ${w.explanation}`);
    flow.paragraph(`${row.name}: ${parts.filter(Boolean).join(' ')}`, { bullet: '•' });
  }
}

const CARD_TEXT = 7;
const CARD_LINES = 6;
const CARD_GAP = 6;

/** The height of a logic model card: its text (at most six lines), its lead and its indicators' count. */
export function cardLines(card: PackCard, width: number, measure: Measure): string[] {
  const inner = width - 8;
  const lines = clampLines(wrapText(card.text || 'Untitled', inner, CARD_TEXT, measure), CARD_LINES, inner, CARD_TEXT, measure);
  const extra: string[] = [];
  if (card.lead) extra.push(fitLine(`Lead: ${card.lead}`, inner, CARD_TEXT - 1, measure));
  if (card.indicators.length) extra.push(fitLine(`Indicators: ${card.indicators.join('; ')}`, inner, CARD_TEXT - 1, measure));
  return [...lines, ...extra];
}

function cardHeight(lines: number): number {
  return lines * lineHeight(CARD_TEXT) + 8;
}

/**
 * The logic model as columns of cards, left to right along the causal chain,
 * with its links drawn as arrows between cards on the same page. A column
 * longer than a page continues on the next one, every column moving on
 * together so each page still reads left to right.
 */
function logic(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.logic);
  flow.heading(`${SECTION_TITLES.logic} (${pack.logic.templateName})`);
  const m = flow.measure;
  const { columns } = pack.logic;
  const gutter = 12;
  const width = (flow.width - gutter * (columns.length - 1)) / Math.max(1, columns.length);
  const measured = columns.map((c) => c.cards.map((card) => cardLines(card, width, m)));
  const headerH = 30;
  const firstRoom = flow.room - headerH;
  const restRoom = flow.bottom - flow.top - headerH;
  const perColumn = measured.map((cards) => paginate(cards.map((lines) => cardHeight(lines.length) + CARD_GAP), firstRoom, restRoom));
  const pageCount = Math.max(1, ...perColumn.map((p) => p.length));
  for (let p = 0; p < pageCount; p += 1) {
    if (p > 0) flow.newPage(`${SECTION_TITLES.logic} (continued)`);
    const top = flow.y;
    const boxes = new Map<string, { x: number; y: number; w: number; h: number; column: number }>();
    let lowest = top + headerH;
    columns.forEach((column, c) => {
      const x = flow.left + c * (width + gutter);
      flow.add({ kind: 'rect', x, y: top, w: width, h: headerH - 8, fill: '#dde3ea', radius: 3 });
      wrapText(column.label, width - 6, 7.5, m, 'bold').slice(0, 2).forEach((line, n) =>
        flow.add({ kind: 'text', x: x + 3, y: top + 2 + n * lineHeight(7.5), text: line, size: 7.5, weight: 'bold', color: INK }),
      );
      let y = top + headerH;
      for (const i of perColumn[c]![p] ?? []) {
        const card = column.cards[i]!;
        const lines = measured[c]![i]!;
        const h = cardHeight(lines.length);
        flow.add({ kind: 'rect', x, y, w: width, h, fill: '#fffbe6', stroke: '#d4b106', radius: 3 });
        lines.forEach((line, n) => {
          const small = n >= lines.length - (card.lead ? 1 : 0) - (card.indicators.length ? 1 : 0);
          flow.add({ kind: 'text', x: x + 4, y: y + 4 + n * lineHeight(CARD_TEXT), text: line, size: small ? CARD_TEXT - 1 : CARD_TEXT, weight: 'regular', color: small ? MUTED : INK });
        });
        boxes.set(card.id, { x, y, w: width, h, column: c });
        y += h + CARD_GAP;
      }
      lowest = Math.max(lowest, y);
      if (column.cards.length === 0 && p === 0) {
        flow.add({ kind: 'text', x: x + 3, y, text: 'No cards', size: 7, weight: 'regular', color: MUTED });
      }
    });
    for (const link of pack.logic.links) {
      const from = boxes.get(link.from);
      const to = boxes.get(link.to);
      if (!from || !to || from.column === to.column) continue;
      const forward = to.column > from.column;
      flow.add({
        kind: 'line',
        x1: forward ? from.x + from.w : from.x,
        y1: from.y + from.h / 2,
        x2: forward ? to.x : to.x + to.w,
        y2: to.y + to.h / 2,
        color: '#4a5b6e',
        width: 0.7,
        arrow: true,
      });
    }
    flow.y = lowest + 10;
  }
  for (const lane of pack.logic.lanes.filter((l) => l.cards.length > 0)) {
    {
      flow.heading(lane.label, 13);
      for (const card of lane.cards) flow.paragraph(card.text || 'Untitled', { bullet: '•' });
      flow.gap(6);
    }
  }
}

function actions(flow: PageFlow, pack: ReviewPack): void {
  flow.newPage(SECTION_TITLES.actions);
  flow.heading(SECTION_TITLES.actions);
  if (pack.actions.length === 0) return flow.paragraph('No activities in the logic model yet.', { color: MUTED });
  const w = flow.width;
  layoutTable(
    flow,
    [
      { header: 'Activity', width: w * 0.3 },
      { header: 'Lead partner', width: w * 0.15 },
      { header: 'Supporting partners', width: w * 0.17 },
      { header: 'Due', width: w * 0.09 },
      { header: 'Status', width: w * 0.09 },
      { header: 'Leads to', width: w * 0.2 },
    ],
    pack.actions.map((row) => ({
      cells: [
        { text: row.activity || 'Untitled', weight: 'bold' },
        { text: row.leadPartnerName || 'No lead yet', color: row.leadPartnerName ? INK : '#b42318' },
        { text: row.supportingPartnerNames.join(', ') },
        { text: row.dueDate, color: row.overdue ? '#b42318' : INK, weight: row.overdue ? 'bold' : 'regular' },
        { text: row.overdue ? `${row.status} (overdue)` : row.status },
        { text: row.linkedOutcomeTexts.join('; ') },
      ],
    })),
  );
}

const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', info: 'Suggestions' } as const;

function checks(flow: PageFlow, pack: ReviewPack): void {
  flow.ensure(120);
  flow.heading(SECTION_TITLES.checks);
  if (pack.checks.length === 0) return flow.paragraph('The logic model passes every check.', { color: MUTED });
  for (const severity of ['error', 'warning', 'info'] as const) {
    const found = pack.checks.filter((c) => c.severity === severity);
    if (!found.length) continue;
    flow.paragraph(`${SEVERITY_TITLES[severity]} (${found.length})`, { weight: 'bold', size: 10.5 });
    for (const check of found) flow.paragraph(check.message, { bullet: '•', indent: 6 });
    flow.gap(4);
  }
}

function changes(flow: PageFlow, pack: ReviewPack): void {
  const changed = pack.changes;
  if (!changed) return;
  flow.newPage(`${SECTION_TITLES.changes} since ${changed.sinceName}`);
  flow.heading(`${SECTION_TITLES.changes} since ${changed.sinceName}`);
  const { added, removed, changed: edited } = changed.counts;
  flow.paragraph(`Compared with the review point "${changed.sinceName}" of ${changed.sinceDate}: ${added} added, ${edited} changed, ${removed} removed.`, { color: MUTED });
  if (changed.groups.length === 0) return flow.paragraph('Nothing has changed since then.');
  for (const group of changed.groups) {
    flow.ensure(60);
    flow.paragraph(group.label, { weight: 'bold', size: 11 });
    for (const sentence of group.sentences) flow.paragraph(sentence, { bullet: '•', indent: 6 });
    flow.gap(6);
  }
}

/** Every page of the pack; throws PackTooLargeError past `maxPages`. */
export function layoutReviewPack(pack: ReviewPack, measure: Measure, maxPages: number): Page[] {
  const flow = new PageFlow(measure, maxPages);
  cover(flow, pack);
  changes(flow, pack);
  grid(flow, pack);
  comms(flow, pack);
  matrix(flow, pack);
  logic(flow, pack);
  actions(flow, pack);
  checks(flow, pack);
  addPageFurniture(flow.pages, pack.title, measure);
  return flow.pages;
}
