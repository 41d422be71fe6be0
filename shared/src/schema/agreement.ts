/**
 * The partnership agreement: rich text co-edited live, one root
 * `Y.XmlFragment` per section (y-prosemirror's format), so two people writing
 * in different sections never touch the same fragment. The update gate admits
 * only these roots, these node and mark names and this much text.
 */
export const AGREEMENT_SECTIONS = [
  { key: 'vision', title: 'Shared vision and aims' },
  { key: 'roles', title: 'Roles and responsibilities' },
  { key: 'decisions', title: 'Decision making' },
  { key: 'communication', title: 'Communication' },
  { key: 'finance', title: 'Financial management' },
  { key: 'data', title: 'Data sharing' },
  { key: 'review', title: 'Review date' },
  { key: 'exit', title: 'Exit arrangements' },
] as const;

export type AgreementSectionKey = (typeof AGREEMENT_SECTIONS)[number]['key'];

export const AGREEMENT_ROOT_PREFIX = 'agreement.';

export function agreementRootName(section: AgreementSectionKey): string {
  return `${AGREEMENT_ROOT_PREFIX}${section}`;
}

export const AGREEMENT_ROOT_NAMES: readonly string[] = AGREEMENT_SECTIONS.map((section) => agreementRootName(section.key));

/** Block and inline nodes of the agreement's ProseMirror schema (the element names in the fragment). */
export const AGREEMENT_NODE_NAMES = ['paragraph', 'heading', 'bullet_list', 'ordered_list', 'list_item', 'mention'] as const;
/** Marks, stored as formatting attributes of the text. */
export const AGREEMENT_MARK_NAMES = ['strong', 'em'] as const;

/** Attributes each node may carry, and what their values may be. */
export const AGREEMENT_NODE_ATTRIBUTES: Readonly<Record<(typeof AGREEMENT_NODE_NAMES)[number], readonly string[]>> = {
  paragraph: [],
  heading: ['level'],
  bullet_list: [],
  ordered_list: ['order'],
  list_item: [],
  /** A link to another board's record: its collection, id and the label shown. */
  mention: ['collection', 'recordId', 'label'],
};

/** Collections a mention may point at. */
export const AGREEMENT_MENTION_COLLECTIONS = ['partners', 'logicNodes', 'stakeholders', 'matrixRows'] as const;

/** Characters of text per section: a long agreement is a few thousand words. */
export const MAX_AGREEMENT_SECTION_CHARS = 20_000;
/** Elements per section (paragraphs, list items, mentions). */
export const MAX_AGREEMENT_SECTION_NODES = 2_000;
/** Nesting of lists inside lists. */
export const MAX_AGREEMENT_DEPTH = 8;
