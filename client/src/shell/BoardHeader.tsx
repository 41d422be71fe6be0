import type { ReactNode } from 'react';
import type { Role } from '@pc/shared';
import { initials } from '../collab/identity';
import type { Indicator } from '../collab/connection';
import type { Peer } from '../collab/presence';
import { LogoMark } from '../ui-kit/icons';
import { RoleBadge } from './RoleBadge';

const MAX_AVATARS = 6;

interface BoardHeaderProps {
  title: string;
  role: Role | null;
  indicator: Indicator;
  peers: readonly Peer[];
  onEditName(): void;
  /** Follow someone's view (clicking them in "People here"); the one followed now. */
  onFollow?(peer: Peer): void;
  followingId?: number | null;
  /** Board-wide controls shown before the presence list (e.g. the Partners panel). */
  actions?: ReactNode;
  /** Board-wide notices shown after the title (e.g. damaged records). */
  notices?: ReactNode;
}

export function BoardHeader({ title, role, indicator, peers, onEditName, onFollow, followingId = null, actions, notices }: BoardHeaderProps) {
  const shown = peers.slice(0, MAX_AVATARS);
  const hidden = peers.length - shown.length;
  return (
    <header className="board-header">
      <a href="/" className="brand" aria-label="Partnership Canvas home">
        <LogoMark />
      </a>
      <h1 className="board-title" title={title}>
        {title || 'Untitled board'}
      </h1>
      <RoleBadge role={role} />
      {notices}
      <div className="spacer" />
      {actions}
      <ul className="presence" aria-label="People here">
        {shown.map((peer) => (
          <li key={peer.clientId} title={peer.isSelf ? `${peer.user.name} (you)` : peer.user.name} data-self={peer.isSelf || undefined}>
            {peer.isSelf ? (
              <button type="button" className="avatar" style={{ background: peer.user.colour }} onClick={onEditName} aria-label={`${initials(peer.user.name)}: ${peer.user.name} (you), change your name`}>
                <span aria-hidden="true">{initials(peer.user.name)}</span>
              </button>
            ) : onFollow ? (
              <button
                type="button"
                className={`avatar${followingId === peer.clientId ? ' following' : ''}`}
                style={{ background: peer.user.colour }}
                onClick={() => onFollow(peer)}
                aria-pressed={followingId === peer.clientId}
                aria-label={`${initials(peer.user.name)}: follow ${peer.user.name}`}
                title={`${peer.user.name}: click to follow their view`}
                data-follow={peer.user.name}
              >
                <span aria-hidden="true">{initials(peer.user.name)}</span>
              </button>
            ) : (
              <span className="avatar" style={{ background: peer.user.colour }} aria-hidden="true">
                {initials(peer.user.name)}
              </span>
            )}
            <span className="sr-only peer-name">{peer.isSelf ? `${peer.user.name} (you)` : peer.user.name}</span>
          </li>
        ))}
        {hidden > 0 && (
          <li className="avatar more" title={peers.slice(MAX_AVATARS).map((p) => p.user.name).join(', ')}>
            +{hidden}
          </li>
        )}
      </ul>
      <div className={`connection connection-${indicator.kind}`} role="status" aria-live="polite" title={indicator.detail} data-state={indicator.kind}>
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-label">{indicator.label}</span>
        <span className="sr-only">{indicator.detail}</span>
      </div>
    </header>
  );
}
