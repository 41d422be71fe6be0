/**
 * Record builders for tests only (`@pc/shared/testing`). They go through the real
 * schemas, so fixtures get the same defaults as records read from a board document.
 */
import { logicLinkSchema, type LogicLink } from '../schema/logicLink';
import { logicNodeSchema, type LogicColumn, type LogicNode } from '../schema/logicNode';
import { matrixCellKey, matrixCellSchema, type MatrixCell } from '../schema/matrixCell';
import { matrixRowSchema, type MatrixRow } from '../schema/matrixRow';
import { partnerSchema, type Partner } from '../schema/partner';
import { stakeholderSchema, type Stakeholder } from '../schema/stakeholder';

export function partner(id: string, name = id, extra: Partial<Partner> = {}): Partner {
  return partnerSchema.parse({ id, name, colour: '#3366cc', ...extra });
}

export function row(id: string, extra: Partial<MatrixRow> = {}): MatrixRow {
  return matrixRowSchema.parse({ id, name: extra.name ?? id, category: 'skill', ...extra });
}

export function cell(rowId: string, partnerId: string, extra: Partial<MatrixCell> = {}): MatrixCell {
  return matrixCellSchema.parse({ id: matrixCellKey(rowId, partnerId), rowId, partnerId, ...extra });
}

export function stakeholder(id: string, offers = '', extra: Partial<Stakeholder> = {}): Stakeholder {
  return stakeholderSchema.parse({ id, name: extra.name ?? id, offers, ...extra });
}

export function node(id: string, column: LogicColumn, extra: Partial<LogicNode> = {}): LogicNode {
  return logicNodeSchema.parse({ id, column, text: extra.text ?? id, ...extra });
}

/** Link ids default to `from>to`, which keeps expectations readable. */
export function link(from: string, to: string, id = `${from}>${to}`): LogicLink {
  return logicLinkSchema.parse({ id, from, to });
}

/** Links from a compact "a>b b>c" spec. */
export function links(spec: string): LogicLink[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const [from, to] = pair.split('>');
      if (!from || !to) throw new Error(`bad link spec ${pair}`);
      return link(from, to);
    });
}
