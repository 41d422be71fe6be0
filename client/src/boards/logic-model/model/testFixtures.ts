import {
  logicLinkSchema,
  logicNodeSchema,
  matrixCellKey,
  matrixCellSchema,
  matrixRowSchema,
  partnerSchema,
  type LogicColumn,
  type LogicLink,
  type LogicNode,
  type MatrixCell,
  type MatrixRow,
  type Partner,
} from '@pc/shared';

/**
 * Test-only builders. They go through the real schemas so fixtures get the same
 * defaults as records read from a board document.
 */
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

export function partner(id: string, name = id): Partner {
  return partnerSchema.parse({ id, name, colour: '#336699' });
}

export function matrixRow(id: string, name = id): MatrixRow {
  return matrixRowSchema.parse({ id, name, category: 'skill' });
}

export function cell(rowId: string, partnerId: string, gives: boolean): MatrixCell {
  return matrixCellSchema.parse({ id: matrixCellKey(rowId, partnerId), rowId, partnerId, gives });
}
