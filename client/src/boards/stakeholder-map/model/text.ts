/** Text folding and ordering: one set of rules in `@pc/shared`, so the boards and the exports order names alike. */
export { compareByNameThenId, compareCodeUnits, compareText, foldText, foldTextWithMap, truncateText, type FoldedText } from '@pc/shared';
