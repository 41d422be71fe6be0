/**
 * Page layout of the review pack, pure: text is measured through `Measure`
 * (pdfkit's metrics in production, a fixed-width stand-in in tests) and the
 * result is a list of pages of plain drawing operations that `render.ts` hands
 * to pdfkit. What goes on which page, how text wraps and where tables break is
 * decided here, so it can be tested without a PDF.
 */

export type FontWeight = 'regular' | 'bold';

export interface Measure {
  width(text: string, size: number, weight: FontWeight): number;
}

export type Op =
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: FontWeight; color: string; rotate?: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; radius?: number }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; arrow?: boolean };

export interface Page {
  /** The section the page belongs to, for the running header and for tests. */
  section: string;
  ops: Op[];
}

export class PackTooLargeError extends Error {
  constructor(readonly maxPages: number) {
    super(`The review pack would need more than ${maxPages} pages; export the tables as CSV instead`);
    this.name = 'PackTooLargeError';
  }
}

/** A4 landscape, in PDF points. */
export const PAGE = { width: 841.89, height: 595.28, margin: 36 } as const;
export const INK = '#1b1f24';
export const MUTED = '#5b6470';
export const RULE = '#c9d1d9';
/** Space under the running header and above the footer. */
const HEADER_H = 30;
const FOOTER_H = 22;

export const lineHeight = (size: number) => Math.ceil(size * 1.3 * 10) / 10;

/**
 * Break text into lines no wider than `width`: at spaces, and inside a word
 * only when the word alone is too wide. Paragraph breaks in the text are kept.
 */
export function wrapText(text: string, width: number, size: number, measure: Measure, weight: FontWeight = 'regular'): string[] {
  const fits = (s: string) => measure.width(s, size, weight) <= width;
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter(Boolean);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word wider than the line (a URL, a long name): cut it by characters.
      let rest = word;
      while (!fits(rest)) {
        let cut = 1;
        const chars = [...rest];
        while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut += 1;
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** At most `max` lines, the last one ending in "…" when text was dropped. */
export function clampLines(lines: string[], max: number, width: number, size: number, measure: Measure, weight: FontWeight = 'regular'): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]!}…`;
  while (last.length > 1 && measure.width(last, size, weight) > width) last = `${[...last.slice(0, -1)].slice(0, -1).join('')}…`;
  kept[max - 1] = last;
  return kept;
}

/** One line cut to `width`, with "…" when cut. */
export function fitLine(text: string, width: number, size: number, measure: Measure, weight: FontWeight = 'regular'): string {
  return clampLines(wrapText(text.replace(/\s+/g, ' '), width, size, measure, weight), 1, width, size, measure, weight)[0] ?? '';
}

/**
 * Pages in order, and a cursor on the current one. Content goes between the
 * running header and the footer; `ensure` starts a new page when what comes
 * next does not fit, so nothing is ever cut at a page edge.
 */
export class PageFlow {
  readonly pages: Page[] = [];
  y = 0;
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  readonly top = PAGE.margin + HEADER_H;
  readonly bottom = PAGE.height - PAGE.margin - FOOTER_H;

  constructor(
    readonly measure: Measure,
    readonly maxPages: number,
  ) {}

  get page(): Page {
    const page = this.pages.at(-1);
    if (!page) throw new Error('no page started');
    return page;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(section: string): Page {
    if (this.pages.length >= this.maxPages) throw new PackTooLargeError(this.maxPages);
    const page: Page = { section, ops: [] };
    this.pages.push(page);
    this.y = this.top;
    return page;
  }

  /** Start a new page of the same section unless `height` still fits (a block taller than a page starts a page and overflows it). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage(this.page.section);
  }

  add(...ops: Op[]): void {
    this.page.ops.push(...ops);
  }

  text(text: string, x: number, size: number, weight: FontWeight = 'regular', color = INK): void {
    this.add({ kind: 'text', x, y: this.y, text, size, weight, color });
  }

  heading(text: string, size = 16): void {
    this.ensure(lineHeight(size) + 40);
    this.text(text, this.left, size, 'bold');
    this.y += lineHeight(size) + 4;
  }

  /** Wrapped text at the cursor, breaking across pages line by line. */
  paragraph(text: string, options: { size?: number; indent?: number; color?: string; weight?: FontWeight; bullet?: string } = {}): void {
    const size = options.size ?? 9.5;
    const indent = options.indent ?? 0;
    const bulletWidth = options.bullet ? 12 : 0;
    const x = this.left + indent + bulletWidth;
    const lines = wrapText(text, this.width - indent - bulletWidth, size, this.measure, options.weight);
    lines.forEach((line, i) => {
      this.ensure(lineHeight(size));
      if (i === 0 && options.bullet) this.add({ kind: 'text', x: this.left + indent, y: this.y, text: options.bullet, size, weight: 'regular', color: options.color ?? INK });
      this.text(line, x, size, options.weight, options.color);
      this.y += lineHeight(size);
    });
    this.y += 2;
  }

  gap(space: number): void {
    this.y = Math.min(this.bottom, this.y + space);
  }
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center';
}

export interface TableCell {
  text: string;
  fill?: string;
  color?: string;
  weight?: FontWeight;
}

export interface TableRow {
  cells: TableCell[];
  /** A full-width group title ("Skills") instead of cells. */
  group?: string;
}

const CELL_PAD = 3;
/** A row shows at most this many lines a cell; the rest is in the CSV export. */
export const MAX_CELL_LINES = 6;

/** The wrapped lines of each cell and the height of the row. */
export function measureRow(row: TableRow, columns: readonly TableColumn[], size: number, measure: Measure): { lines: string[][]; height: number } {
  if (row.group !== undefined) return { lines: [[row.group]], height: lineHeight(size) + 2 * CELL_PAD + 2 };
  const lines = columns.map((column, i) => {
    const cell = row.cells[i] ?? { text: '' };
    const inner = column.width - 2 * CELL_PAD;
    return clampLines(wrapText(cell.text, inner, size, measure, cell.weight), MAX_CELL_LINES, inner, size, measure, cell.weight);
  });
  const most = Math.max(1, ...lines.map((l) => l.length));
  return { lines, height: most * lineHeight(size) + 2 * CELL_PAD };
}

/**
 * A table at the cursor: the header row repeats on every page it spans, a row
 * is never split across pages, and a group title never ends a page alone.
 */
export function layoutTable(flow: PageFlow, columns: readonly TableColumn[], rows: readonly TableRow[], size = 8): void {
  const x0 = flow.left;
  const header: TableRow = { cells: columns.map((c) => ({ text: c.header, weight: 'bold' as const })) };
  const headerMeasured = measureRow(header, columns, size, flow.measure);
  const drawRow = (row: TableRow, measured: { lines: string[][]; height: number }, isHeader: boolean) => {
    const y = flow.y;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    if (row.group !== undefined) {
      flow.add({ kind: 'rect', x: x0, y, w: total, h: measured.height, fill: '#e8edf2' });
      flow.add({ kind: 'text', x: x0 + CELL_PAD, y: y + CELL_PAD + 1, text: row.group, size, weight: 'bold', color: INK });
    } else {
      let x = x0;
      columns.forEach((column, i) => {
        const cell = row.cells[i] ?? { text: '' };
        const fill = isHeader ? '#dde3ea' : cell.fill;
        if (fill) flow.add({ kind: 'rect', x, y, w: column.width, h: measured.height, fill });
        measured.lines[i]!.forEach((line, n) => {
          const lineWidth = flow.measure.width(line, size, cell.weight ?? 'regular');
          const lx = column.align === 'center' ? x + (column.width - lineWidth) / 2 : x + CELL_PAD;
          flow.add({ kind: 'text', x: lx, y: y + CELL_PAD + n * lineHeight(size), text: line, size, weight: cell.weight ?? 'regular', color: cell.color ?? INK });
        });
        x += column.width;
      });
    }
    flow.add({ kind: 'line', x1: x0, y1: y + measured.height, x2: x0 + total, y2: y + measured.height, color: RULE, width: 0.5 });
    flow.y += measured.height;
  };
  flow.ensure(headerMeasured.height * 3);
  drawRow(header, headerMeasured, true);
  rows.forEach((row, i) => {
    const measured = measureRow(row, columns, size, flow.measure);
    const next = rows[i + 1];
    // Keep a group title with its first row.
    const needed = measured.height + (row.group !== undefined && next ? measureRow(next, columns, size, flow.measure).height : 0);
    if (flow.y + needed > flow.bottom) {
      flow.newPage(flow.page.section);
      drawRow(header, headerMeasured, true);
    }
    drawRow(row, measured, false);
  });
  flow.gap(10);
}

/**
 * Split items of known heights into pages: the first page has `first` points
 * free, the others `rest`. An item taller than a page gets a page of its own.
 * Returns the item indices of each page.
 */
export function paginate(heights: readonly number[], first: number, rest: number): number[][] {
  const pages: number[][] = [[]];
  let free = first;
  heights.forEach((height, i) => {
    const current = pages.at(-1)!;
    if (height > free && current.length > 0) {
      pages.push([i]);
      free = rest - height;
    } else {
      current.push(i);
      free -= height;
    }
  });
  return pages;
}

/** Footer on every page: the board, the pack and "page i of n". */
export function addPageFurniture(pages: Page[], title: string, measure: Measure): void {
  const size = 7.5;
  pages.forEach((page, i) => {
    const y = PAGE.height - PAGE.margin - 10;
    const label = `Page ${i + 1} of ${pages.length}`;
    const right = PAGE.width - PAGE.margin - measure.width(label, size, 'regular');
    page.ops.push(
      { kind: 'line', x1: PAGE.margin, y1: y - 5, x2: PAGE.width - PAGE.margin, y2: y - 5, color: RULE, width: 0.5 },
      { kind: 'text', x: PAGE.margin, y, text: fitLine(`${title} · review pack`, right - PAGE.margin - 20, size, measure), size, weight: 'regular', color: MUTED },
      { kind: 'text', x: right, y, text: label, size, weight: 'regular', color: MUTED },
    );
    // A running header only where a section carries on from the page before: a section's first page has its heading.
    if (i > 0 && (pages[i - 1]!.section === page.section || page.section.includes('(continued)'))) {
      page.ops.push({ kind: 'text', x: PAGE.margin, y: PAGE.margin - 4, text: fitLine(page.section, PAGE.width - 2 * PAGE.margin, 8, measure, 'bold'), size: 8, weight: 'bold', color: MUTED });
    }
  });
}
