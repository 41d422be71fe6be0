import { Schema, type DOMOutputSpec } from 'prosemirror-model';

/**
 * The agreement's ProseMirror schema. Its node and mark names are the element
 * and format names y-prosemirror writes into the document, and the server's
 * update gate admits exactly these (AGREEMENT_NODE_NAMES, AGREEMENT_MARK_NAMES
 * in @pc/shared): a test keeps the two lists the same.
 */
export const agreementSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: (): DOMOutputSpec => ['p', 0] },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 3 } },
      defining: true,
      parseDOM: [{ tag: 'h3', attrs: { level: 3 } }, { tag: 'h4', attrs: { level: 4 } }],
      toDOM: (node): DOMOutputSpec => [`h${Math.min(3, Math.max(1, Number(node.attrs.level))) + 2}`, 0],
    },
    bullet_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ul' }], toDOM: (): DOMOutputSpec => ['ul', 0] },
    ordered_list: { group: 'block', content: 'list_item+', attrs: { order: { default: 1 } }, parseDOM: [{ tag: 'ol' }], toDOM: (): DOMOutputSpec => ['ol', 0] },
    list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: (): DOMOutputSpec => ['li', 0] },
    text: { group: 'inline' },
    mention: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: true,
      attrs: { collection: { default: 'partners' }, recordId: { default: '' }, label: { default: '' } },
      parseDOM: [
        {
          tag: 'span.mention',
          getAttrs: (dom) => {
            const el = dom as HTMLElement;
            return { collection: el.dataset.collection ?? 'partners', recordId: el.dataset.recordId ?? '', label: el.textContent?.replace(/^@/, '') ?? '' };
          },
        },
      ],
      toDOM: (node): DOMOutputSpec => [
        'span',
        { class: 'mention', 'data-collection': String(node.attrs.collection), 'data-record-id': String(node.attrs.recordId) },
        `@${String(node.attrs.label)}`,
      ],
    },
  },
  marks: {
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: (): DOMOutputSpec => ['strong', 0] },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: (): DOMOutputSpec => ['em', 0] },
  },
});
