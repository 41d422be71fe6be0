/**
 * Card order inside a column. Order keys are fractional indexes (see
 * shared/src/doc/order.ts); they are generated to compare by code unit, so a
 * locale-aware compare would put them in the wrong order.
 */
export function compareOrderKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two peers inserting at the same spot offline can write the same key; breaking
 * the tie by id keeps every peer showing the same order.
 */
export function compareByOrderThenId(
  a: { readonly order: string; readonly id: string },
  b: { readonly order: string; readonly id: string },
): number {
  return compareOrderKeys(a.order, b.order) || compareOrderKeys(a.id, b.id);
}
