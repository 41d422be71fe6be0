import * as Y from 'yjs';
import {
  AGREEMENT_MARK_NAMES,
  AGREEMENT_MENTION_COLLECTIONS,
  AGREEMENT_NODE_ATTRIBUTES,
  AGREEMENT_NODE_NAMES,
  AGREEMENT_ROOT_NAMES,
  AGREEMENT_SECTIONS,
  MAX_AGREEMENT_DEPTH,
  MAX_AGREEMENT_SECTION_CHARS,
  MAX_AGREEMENT_SECTION_NODES,
  agreementRootName,
  type AgreementSectionKey,
} from '../schema/agreement';

/**
 * The partnership agreement's sections as y-prosemirror stores them: each a
 * root `Y.XmlFragment` of elements named after the ProseMirror nodes, text as
 * `Y.XmlText` with the marks as formatting attributes. The update gate and the
 * backup check use `checkAgreementFragment`; the exports read it as Markdown.
 */

const NODE_NAMES = new Set<string>(AGREEMENT_NODE_NAMES);
const MARK_NAMES = new Set<string>(AGREEMENT_MARK_NAMES);
const MENTION_COLLECTIONS = new Set<string>(AGREEMENT_MENTION_COLLECTIONS);
const ROOT_NAMES = new Set<string>(AGREEMENT_ROOT_NAMES);
const MAX_ATTRIBUTE_CHARS = 200;

export function isAgreementRoot(name: string): boolean {
  return ROOT_NAMES.has(name);
}

export function agreementFragment(doc: Y.Doc, section: AgreementSectionKey): Y.XmlFragment {
  return doc.getXmlFragment(agreementRootName(section));
}

interface Budget {
  chars: number;
  nodes: number;
}

function checkAttributes(name: string, attributes: Record<string, unknown>): string | null {
  const allowed = AGREEMENT_NODE_ATTRIBUTES[name as keyof typeof AGREEMENT_NODE_ATTRIBUTES];
  for (const [key, value] of Object.entries(attributes)) {
    if (!allowed.includes(key)) return `${name}.${key.slice(0, 30)}: not an attribute of ${name}`;
    if (value === null) continue;
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < 0 || value > 1_000) return `${name}.${key}: out of range`;
      continue;
    }
    if (typeof value !== 'string' || value.length > MAX_ATTRIBUTE_CHARS) return `${name}.${key}: must be a short text`;
  }
  if (name === 'heading') {
    const level = attributes.level;
    if (level !== undefined && level !== null && !(typeof level === 'number' && level >= 1 && level <= 3)) return 'heading.level: must be 1-3';
  }
  if (name === 'mention' && attributes.collection !== undefined && attributes.collection !== null && !MENTION_COLLECTIONS.has(String(attributes.collection))) {
    return `mention.collection: must be one of ${AGREEMENT_MENTION_COLLECTIONS.join(', ')}`;
  }
  return null;
}

function checkText(text: Y.XmlText, budget: Budget): string | null {
  if (text._map.size > 0) return 'text may not carry attributes';
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') return 'text may hold only characters, not embedded content';
    budget.chars += op.insert.length;
    for (const [mark, value] of Object.entries(op.attributes ?? {})) {
      if (!MARK_NAMES.has(mark)) return `mark "${mark.slice(0, 30)}" is not part of the agreement`;
      if (value !== null && value !== true && !(typeof value === 'object' && Object.keys(value as object).length === 0)) {
        return `mark "${mark}" carries no attributes`;
      }
    }
  }
  return null;
}

function checkChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number, budget: Budget): string | null {
  if (depth > MAX_AGREEMENT_DEPTH) return `nested more than ${MAX_AGREEMENT_DEPTH} levels deep`;
  for (const child of parent.toArray()) {
    budget.nodes++;
    if (budget.nodes > MAX_AGREEMENT_SECTION_NODES) return `more than ${MAX_AGREEMENT_SECTION_NODES} paragraphs and items`;
    if (child instanceof Y.XmlText) {
      const problem = checkText(child, budget);
      if (problem) return problem;
    } else if (child instanceof Y.XmlElement && !(child instanceof Y.XmlHook)) {
      if (!NODE_NAMES.has(child.nodeName)) return `"${child.nodeName.slice(0, 30)}" is not part of the agreement`;
      const problem = checkAttributes(child.nodeName, child.getAttributes() as Record<string, unknown>) ?? checkChildren(child, depth + 1, budget);
      if (problem) return problem;
    } else {
      return 'holds content that is not text or a paragraph';
    }
    if (budget.chars > MAX_AGREEMENT_SECTION_CHARS) return `over ${MAX_AGREEMENT_SECTION_CHARS} characters`;
  }
  // A hostile update can hang keyed entries off a sequence type; nothing reads them, so refuse.
  if (parent._map.size > 0 && !(parent instanceof Y.XmlElement)) return 'holds keyed entries';
  return null;
}

/** The first way a section breaks the agreement's format, or null. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function checkAgreementFragment(fragment: Y.AbstractType<any>): string | null {
  if (!(fragment instanceof Y.XmlFragment) || fragment instanceof Y.XmlElement) return 'must be rich text';
  return checkChildren(fragment, 0, { chars: 0, nodes: 0 });
}

export interface AgreementMention {
  collection: string;
  recordId: string;
  label: string;
}

function inlineMarkdown(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map((op) => {
      if (typeof op.insert !== 'string') return '';
      let s = op.insert;
      if (op.attributes?.strong) s = `**${s}**`;
      if (op.attributes?.em) s = `*${s}*`;
      return s;
    })
    .join('');
}

function blockMarkdown(node: Y.XmlElement | Y.XmlText, indent: string, mentions: AgreementMention[], index = 0, ordered = false): string {
  if (node instanceof Y.XmlText) return inlineMarkdown(node);
  const inner = (childIndent: string, isOrdered = false) =>
    node
      .toArray()
      .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText)
      .map((c, i) => blockMarkdown(c, childIndent, mentions, i, isOrdered));
  switch (node.nodeName) {
    case 'mention': {
      const a = node.getAttributes() as Record<string, unknown>;
      const mention = { collection: String(a.collection ?? ''), recordId: String(a.recordId ?? ''), label: String(a.label ?? '') };
      mentions.push(mention);
      return `@${mention.label}`;
    }
    case 'paragraph':
      return inner(indent).join('');
    case 'heading':
      return `${'#'.repeat(Number(node.getAttribute('level' as never)) || 2)} ${inner(indent).join('')}`;
    case 'bullet_list':
      return inner(indent).join('\n');
    case 'ordered_list':
      return inner(indent, true).join('\n');
    case 'list_item': {
      const [first = '', ...rest] = inner(`${indent}  `);
      return [`${indent}${ordered ? `${index + 1}.` : '-'} ${first}`, ...rest.map((r) => (r.startsWith(indent) ? r : `${indent}  ${r}`))].join('\n');
    }
    default:
      return '';
  }
}

export interface AgreementSectionText {
  key: AgreementSectionKey;
  title: string;
  markdown: string;
  mentions: AgreementMention[];
}

/** Every section as Markdown with the records it mentions (empty sections give ''). */
export function readAgreement(doc: Y.Doc): AgreementSectionText[] {
  return AGREEMENT_SECTIONS.map(({ key, title }) => {
    const mentions: AgreementMention[] = [];
    const share = doc.share.get(agreementRootName(key));
    const fragment = share === undefined ? null : agreementFragment(doc, key);
    const markdown = fragment
      ? fragment
          .toArray()
          .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText)
          .map((block) => blockMarkdown(block, '', mentions))
          .join('\n\n')
      : '';
    return { key, title, markdown, mentions };
  });
}

/** The whole agreement as one Markdown document, or '' when every section is empty. */
export function agreementMarkdown(doc: Y.Doc): string {
  const sections = readAgreement(doc);
  if (sections.every((s) => s.markdown.trim() === '')) return '';
  return sections.map((s) => `## ${s.title}\n\n${s.markdown.trim() || '(not written yet)'}`).join('\n\n') + '\n';
}
