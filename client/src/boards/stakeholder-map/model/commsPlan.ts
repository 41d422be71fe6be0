/** The communications plan rules live in `@pc/shared`, so the board and the PDF review pack agree. */
export {
  contactStatus,
  CONTACT_STATUS_LABELS,
  CONTACT_STATUS_ORDER,
  deriveCommsPlan,
  isIsoDate,
  localIsoDate,
  nextDueDate,
  sortCommsPlan,
  type CommsPlanColumn,
  type CommsPlanRow,
  type ContactStatus,
  type SortDirection,
} from '@pc/shared';
