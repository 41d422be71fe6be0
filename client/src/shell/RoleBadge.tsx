import type { Role } from '@pc/shared';

export const ROLE_LABELS: Record<Role, string> = { owner: 'Facilitator', edit: 'Editor', view: 'Viewer' };

export function RoleBadge({ role }: { role: Role | null }) {
  if (!role) return null;
  return (
    <span className={`role-badge role-${role}`} data-role={role}>
      {ROLE_LABELS[role]}
    </span>
  );
}
