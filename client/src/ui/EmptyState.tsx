import type { BoardTab } from '../boards/types';

export function EmptyState({ tab, editable }: { tab: BoardTab; editable: boolean }) {
  return (
    <div className="empty-state" aria-hidden="true">
      <h2>{tab.label}</h2>
      <p>{tab.purpose}</p>
      <p className="muted">{tab.comingSoon}</p>
      {editable ? (
        <p className="empty-hint">
          For now, brainstorm with sticky notes: <strong>double-click anywhere</strong> or use <strong>Add note</strong>.
        </p>
      ) : (
        <p className="empty-hint">Nothing here yet. You will see notes appear as partners add them.</p>
      )}
    </div>
  );
}
