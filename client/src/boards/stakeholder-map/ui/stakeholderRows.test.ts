import { describe, expect, it } from 'vitest';
import { stakeholderSchema, type Stakeholder } from '@pc/shared';
import { escapeHtml, highlightedHtml, rowAttributes, rowContentHtml, rowHtml, sameRow, type RowData } from './stakeholderRows';

function stakeholder(patch: Partial<Stakeholder> = {}): Stakeholder {
  return { ...stakeholderSchema.parse({ id: 's1', name: 'Ann Lee' }), ...patch };
}

function row(patch: Partial<RowData> = {}, s: Stakeholder = stakeholder()): RowData {
  return { s, mapX: 120, mapY: 340, relationships: 0, owners: '', colour: '#0072B2', focusable: false, selected: false, search: '', ...patch };
}

describe('escapeHtml', () => {
  it('escapes what could open a tag or end an attribute', () => {
    expect(escapeHtml(`<b a="x">'&'</b>`)).toBe('&lt;b a=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
  });
});

describe('highlightedHtml', () => {
  it('marks the search terms in the text as shown, accents and case folded', () => {
    expect(highlightedHtml('Café Trust', 'cafe')).toBe('<mark>Café</mark> Trust');
    expect(highlightedHtml('A <b>', '')).toBe('A &lt;b&gt;');
  });
});

describe('row rendering', () => {
  it('carries the contract attributes, absent ones left out', () => {
    const placed = stakeholder({ placed: true, power: 4, interest: 1, x: 10.4, y: -3.6 });
    const attributes = rowAttributes(row({ selected: true, focusable: true }, placed));
    expect(attributes).toMatchObject({
      tabindex: '0',
      'data-stakeholder-id': 's1',
      'data-power': '4',
      'data-interest': '1',
      'data-quadrant': 'keepSatisfied',
      'data-placed': 'true',
      'data-x': '10',
      'data-y': '-4',
      'data-map-x': '120',
      'data-map-y': '340',
      'aria-current': 'true',
      class: 'selected',
    });
    const html = rowHtml(row({ mapX: null, mapY: null }));
    expect(html).not.toContain('data-map-x');
    expect(html).not.toContain('aria-current');
    expect(html).toContain('tabindex="-1"');
  });

  it('shows name, organisation, partner tag and the summary sentence, escaped', () => {
    const s = stakeholder({ name: 'Ann <Lee>', organisation: 'Trust & Co', partnerId: 'p1', placed: true, power: 3, interest: 3 });
    const html = rowContentHtml(row({ owners: 'Council', relationships: 2 }, s));
    expect(html).toContain('<span class="sm-name">Ann &lt;Lee&gt;</span>');
    expect(html).toContain('<span class="sm-org">, Trust &amp; Co</span>');
    expect(html).toContain('<span class="sm-tag">Partner</span>');
    expect(html).toMatch(/Power 3, interest 3: Manage closely\. .+ Owner: Council\. 2 relationships\./);
    expect(rowContentHtml(row({}, stakeholder({ placed: false })))).toContain('To place.  Owner: none.');
  });

  it('compares rows by their values', () => {
    const s = stakeholder();
    expect(sameRow(row({}, s), row({}, s))).toBe(true);
    expect(sameRow(row({}, s), row({ selected: true }, s))).toBe(false);
    expect(sameRow(row({}, s), row({}, stakeholder()))).toBe(false);
  });
});
