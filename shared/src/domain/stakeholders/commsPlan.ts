/**
 * The communications plan: one row per stakeholder, derived from the records (who,
 * which partners hold the relationship, channel, frequency, next contact). `today`
 * is always a parameter so the plan is reproducible in tests, exports and snapshot
 * comparisons; dates are ISO calendar dates (YYYY-MM-DD) without time zones.
 */
import type { Partner, Stakeholder } from '../../schema';
import type { SortDirection } from '../logic/actionPlan';
import { compareByNameThenId, compareText } from '../text';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a real calendar date, or null ("2026-02-30" is not one). */
function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(time / 86_400_000);
}

export function isIsoDate(date: string): boolean {
  return dayNumber(date) !== null;
}

function isoFromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The calendar date of a Date in the user's own time zone (what "today" means to them). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Add months, clamping the day to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
function addMonths(date: string, months: number): string | null {
  if (dayNumber(date) === null) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return isoFromUtc(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)));
}

function addDays(date: string, days: number): string | null {
  const n = dayNumber(date);
  return n === null ? null : isoFromUtc((n + days) * 86_400_000);
}

/**
 * When the next contact falls due after a contact on `lastContact` at the given
 * frequency; null when there is no regular cadence ('' or 'as needed') or the
 * date is not a real calendar date.
 */
export function nextDueDate(lastContact: string, frequency: string): string | null {
  switch (frequency) {
    case 'weekly':
      return addDays(lastContact, 7);
    case 'fortnightly':
      return addDays(lastContact, 14);
    case 'monthly':
      return addMonths(lastContact, 1);
    case 'quarterly':
      return addMonths(lastContact, 3);
    case 'yearly':
      return addMonths(lastContact, 12);
    default:
      return null;
  }
}

/** Frequencies that promise a regular contact, so a missing date is a gap in the plan. */
const CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly'];
/** Display/sort order of frequencies, shortest cadence first; '' sorts last as an empty value. */
const FREQUENCY_ORDER = [...CADENCES, 'as needed'];

/**
 * - overdue: the next contact date is before today;
 * - dueToday: it is today;
 * - scheduled: it is in the future;
 * - notScheduled: a regular frequency is set but no (real) date, a gap in the plan;
 * - noPlan: neither; 'as needed' without a date is also noPlan, since that
 *   frequency promises no date and flagging it would only add noise.
 */
export type ContactStatus = 'overdue' | 'dueToday' | 'notScheduled' | 'scheduled' | 'noPlan';
export const CONTACT_STATUS_ORDER: readonly ContactStatus[] = ['overdue', 'dueToday', 'notScheduled', 'scheduled', 'noPlan'];

export const CONTACT_STATUS_LABELS: Readonly<Record<ContactStatus, string>> = {
  overdue: 'Overdue',
  dueToday: 'Due today',
  notScheduled: 'Not scheduled',
  scheduled: 'Scheduled',
  noPlan: 'No plan',
};

export interface CommsPlanRow {
  stakeholderId: string;
  name: string;
  organisation: string;
  /** Owning partners still on the board, in the stakeholder's own order. */
  ownerIds: string[];
  ownerNames: string[];
  channel: string;
  frequency: string;
  /** '' when there is no real date. */
  nextContact: string;
  status: ContactStatus;
  overdue: boolean;
  /** Days from today to the next contact (negative when overdue); null without a date. */
  daysUntil: number | null;
}

export function contactStatus(nextContact: string, frequency: string, today: string): ContactStatus {
  const todayNumber = dayNumber(today);
  if (todayNumber === null) throw new RangeError(`today must be a calendar date like 2026-03-31, got "${today}"`);
  const next = dayNumber(nextContact);
  if (next === null) return CADENCES.includes(frequency) ? 'notScheduled' : 'noPlan';
  if (next < todayNumber) return 'overdue';
  return next === todayNumber ? 'dueToday' : 'scheduled';
}

/** One row per stakeholder, ordered by name then id (the order ties keep when sorting). */
export function deriveCommsPlan(stakeholders: readonly Stakeholder[], partners: readonly Partner[], today: string): CommsPlanRow[] {
  const todayNumber = dayNumber(today);
  if (todayNumber === null) throw new RangeError(`today must be a calendar date like 2026-03-31, got "${today}"`);
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  return [...stakeholders].sort(compareByNameThenId).map((s) => {
    const owners = [...new Set(s.ownerPartnerIds ?? [])].flatMap((id) => {
      const partner = partnerById.get(id);
      return partner ? [partner] : [];
    });
    const status = contactStatus(s.nextContact ?? '', s.frequency ?? '', today);
    const next = dayNumber(s.nextContact ?? '');
    return {
      stakeholderId: s.id,
      name: s.name,
      organisation: s.organisation ?? '',
      ownerIds: owners.map((p) => p.id),
      ownerNames: owners.map((p) => p.name),
      channel: s.channel ?? '',
      frequency: s.frequency ?? '',
      nextContact: next === null ? '' : (s.nextContact as string),
      status,
      overdue: status === 'overdue',
      daysUntil: next === null ? null : next - todayNumber,
    };
  });
}

export type CommsPlanColumn = 'name' | 'organisation' | 'owners' | 'channel' | 'frequency' | 'nextContact' | 'status';


/** Sort key of a row for a column; null is an empty cell. */
function sortKey(row: CommsPlanRow, column: CommsPlanColumn): string | number | null {
  switch (column) {
    case 'name':
    case 'organisation':
    case 'channel':
      return row[column].trim() === '' ? null : row[column];
    case 'owners':
      return row.ownerNames.length === 0 ? null : row.ownerNames.join(', ');
    case 'frequency': {
      const index = FREQUENCY_ORDER.indexOf(row.frequency);
      return index === -1 ? null : index;
    }
    case 'nextContact':
      return row.nextContact === '' ? null : row.nextContact;
    case 'status':
      return CONTACT_STATUS_ORDER.indexOf(row.status);
  }
}

/**
 * Rows sorted by a column, stably: ties keep their order, and empty cells go last
 * in both directions (a descending sort should show the latest dates, not blanks).
 */
export function sortCommsPlan(rows: readonly CommsPlanRow[], column: CommsPlanColumn, direction: SortDirection = 'asc'): CommsPlanRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row, column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareText(String(a.key), String(b.key));
    return order * sign || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}
