import { useState } from 'react';
import type { Partner, Stakeholder } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { duplicatePartnerFor } from '../model/partnerDuplicates';
import { promoteStakeholder } from '../../partners/partnerActions';

interface MakePartnerButtonProps {
  session: BoardSession;
  stakeholder: Stakeholder;
  partners: readonly Partner[];
}

/**
 * "Make partner", which first asks when a partner of the same name (ignoring
 * case and spaces) is already on the board: a second column for one
 * organisation splits its matrix answers in two.
 */
export function MakePartnerButton({ session, stakeholder, partners }: MakePartnerButtonProps) {
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const promote = () => {
    setDuplicate(null);
    session.stopCapturing();
    promoteStakeholder({ doc: session.doc, localOrigin: session.localOrigin }, stakeholder.id);
    session.stopCapturing();
  };
  if (duplicate !== null) {
    return (
      <div className="sm-duplicate" role="alert">
        <p>
          A partner called “{duplicate}” is already on the board. Making “{stakeholder.name}” a partner too adds a second column for what may be the same organisation.
        </p>
        <div className="sm-actions">
          <button type="button" className="button small" onClick={() => setDuplicate(null)} autoFocus>
            Cancel
          </button>
          <button type="button" className="button small" onClick={promote}>
            Make partner anyway
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        const existing = duplicatePartnerFor(stakeholder, partners);
        if (existing) setDuplicate(existing.name);
        else promote();
      }}
    >
      Make partner
    </button>
  );
}
