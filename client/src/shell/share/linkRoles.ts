import { ROLES, shareLinkPath, type Role } from '@pc/shared';

/** What each link lets its holder do, in the words the share screens use. */
export const LINK_ROLES: Record<Role, { label: string; help: string }> = {
  owner: {
    label: 'Facilitator link',
    help: 'Full control: edit everything, lock and run the session, replace these links, back up and delete the board. Keep it for yourself and co-facilitators.',
  },
  edit: { label: 'Edit link', help: 'For partners: they can add, move and edit everything on the board.' },
  view: { label: 'View link', help: 'For observers, trustees and funders: read-only, live.' },
};

export interface ShareEntry {
  role: Role;
  label: string;
  help: string;
  /** The full link, or null when this device does not hold one for the role. */
  url: string | null;
  /** Only the facilitator may replace links. */
  canRotate: boolean;
}

/**
 * The rows of the share dialog: every role for a facilitator (a link this
 * device lacks can be replaced to get one), only the roles held otherwise.
 */
export function shareEntries(boardId: string, tokens: Partial<Record<Role, string>>, myRole: Role | null, origin: string): ShareEntry[] {
  const owner = myRole === 'owner';
  return ROLES.filter((role) => owner || tokens[role]).map((role) => {
    const token = tokens[role];
    return {
      role,
      ...LINK_ROLES[role],
      url: token ? new URL(shareLinkPath(boardId, token), origin).href : null,
      canRotate: owner,
    };
  });
}

/** What the person must type to delete a board: its title, or "delete" for an untitled one. */
export function deletePhrase(title: string): string {
  return title.trim() || 'delete';
}
