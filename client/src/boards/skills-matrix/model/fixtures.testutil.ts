/**
 * Record builders for this folder's tests only. They go through the real schemas so
 * the defaults our functions see are the defaults the doc readers produce.
 */
import {
  matrixCellKey,
  matrixCellSchema,
  matrixRowSchema,
  partnerSchema,
  stakeholderSchema,
  type MatrixCell,
  type MatrixRow,
  type Partner,
  type Stakeholder,
} from '@pc/shared';

export function partner(id: string, name = id, extra: Partial<Partner> = {}): Partner {
  return partnerSchema.parse({ id, name, colour: '#3366cc', ...extra });
}

export function row(id: string, extra: Partial<MatrixRow> = {}): MatrixRow {
  return matrixRowSchema.parse({ id, name: extra.name ?? id, category: 'skill', ...extra });
}

export function cell(rowId: string, partnerId: string, extra: Partial<MatrixCell> = {}): MatrixCell {
  return matrixCellSchema.parse({ id: matrixCellKey(rowId, partnerId), rowId, partnerId, ...extra });
}

export function stakeholder(id: string, offers: string, extra: Partial<Stakeholder> = {}): Stakeholder {
  return stakeholderSchema.parse({ id, name: extra.name ?? id, offers, ...extra });
}
