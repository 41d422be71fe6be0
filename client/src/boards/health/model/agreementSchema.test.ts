import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AGREEMENT_MARK_NAMES, AGREEMENT_NODE_ATTRIBUTES, AGREEMENT_NODE_NAMES, checkAgreementFragment } from '@pc/shared';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { agreementSchema } from './agreementSchema';

describe('agreementSchema', () => {
  it('has exactly the node, attribute and mark names the server admits', () => {
    const nodes = Object.keys(agreementSchema.nodes).filter((n) => n !== 'doc' && n !== 'text');
    expect(nodes.sort()).toEqual([...AGREEMENT_NODE_NAMES].sort());
    expect(Object.keys(agreementSchema.marks).sort()).toEqual([...AGREEMENT_MARK_NAMES].sort());
    for (const name of AGREEMENT_NODE_NAMES) expect(Object.keys(agreementSchema.nodes[name]!.spec.attrs ?? {}).sort()).toEqual([...AGREEMENT_NODE_ATTRIBUTES[name]].sort());
  });

  it('what y-prosemirror writes from it passes the server check', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('agreement.roles');
    prosemirrorJSONToYXmlFragment(
      agreementSchema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Leads' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'strong' }, { type: 'em' }] }, { type: 'mention', attrs: { collection: 'partners', recordId: 'p1', label: 'Food bank' } }] },
          { type: 'ordered_list', attrs: { order: 1 }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
        ],
      },
      fragment,
    );
    expect(checkAgreementFragment(fragment)).toBeNull();
  });
});
