import { useEffect, useRef, useState } from 'react';
import { toggleMark, setBlockType, wrapIn, lift } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { redo, undo, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { AGREEMENT_SECTIONS, agreementRootName, readAgreement, type AgreementSectionKey } from '@pc/shared';
import { useShortcuts } from '../../../canvas/useShortcuts';
import { useCollection } from '../../../collab/useCollection';
import type { BoardSession } from '../../../collab/session';
import type { BoardContext } from '../../types';
import { agreementSchema } from '../model/agreementSchema';

const MENTION_KINDS = { partners: 'partner', logicNodes: 'activity', stakeholders: 'stakeholder', matrixRows: 'skills matrix row' } as const;
type MentionCollection = keyof typeof MENTION_KINDS;

interface MentionTarget {
  collection: MentionCollection;
  id: string;
  label: string;
}

/** Records an agreement may link to: partners, activities of the logic model, stakeholders. */
function useMentionTargets(session: BoardSession): MentionTarget[] {
  const partners = useCollection(session.collection('partners'));
  const nodes = useCollection(session.collection('logicNodes'));
  const stakeholders = useCollection(session.collection('stakeholders'));
  return [
    ...partners.map((p) => ({ collection: 'partners' as const, id: p.id, label: p.name })),
    ...nodes.filter((n) => n.column === 'activities' && n.text.trim()).map((n) => ({ collection: 'logicNodes' as const, id: n.id, label: n.text.trim().slice(0, 80) })),
    ...stakeholders.map((s) => ({ collection: 'stakeholders' as const, id: s.id, label: s.name })),
  ];
}

const commands: Record<string, Command> = {
  bold: toggleMark(agreementSchema.marks.strong!),
  italic: toggleMark(agreementSchema.marks.em!),
  heading: setBlockType(agreementSchema.nodes.heading!, { level: 3 }),
  paragraph: setBlockType(agreementSchema.nodes.paragraph!),
  bullets: wrapIn(agreementSchema.nodes.bullet_list!),
  numbers: wrapIn(agreementSchema.nodes.ordered_list!),
  lift,
};

/**
 * One section of the agreement: a ProseMirror editor bound by y-prosemirror
 * to the section's `Y.XmlFragment` in the board document, so everyone types
 * into it at once. Undo is per person (y-prosemirror's undo plugin tracks this
 * editor's own changes only).
 */
function SectionEditor({ session, section, title, editable, targets }: { session: BoardSession; section: AgreementSectionKey; title: string; editable: boolean; targets: MentionTarget[] }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editableRef = useRef(editable);
  editableRef.current = editable;
  useEffect(() => {
    const fragment = session.doc.getXmlFragment(agreementRootName(section));
    const state = EditorState.create({
      schema: agreementSchema,
      plugins: [
        ySyncPlugin(fragment),
        yUndoPlugin(),
        keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo, 'Mod-b': commands.bold!, 'Mod-i': commands.italic! }),
        keymap(baseKeymap),
      ],
    });
    const editor = new EditorView(host.current!, {
      state,
      editable: () => editableRef.current,
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': title, class: 'agreement-editor', 'data-section': section },
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [session, section, title]);
  useEffect(() => view.current?.setProps({ editable: () => editable }), [editable]);

  const run = (command: Command) => {
    const editor = view.current;
    if (!editor) return;
    command(editor.state, editor.dispatch, editor);
    editor.focus();
  };
  const insertMention = (key: string) => {
    const target = targets.find((t) => `${t.collection}:${t.id}` === key);
    const editor = view.current;
    if (!target || !editor) return;
    const node = agreementSchema.nodes.mention!.create({ collection: target.collection, recordId: target.id, label: target.label });
    editor.dispatch(editor.state.tr.replaceSelectionWith(node).insertText(' '));
    editor.focus();
  };
  return (
    <section className="agreement-section" aria-labelledby={`agreement-${section}`}>
      <h3 id={`agreement-${section}`}>{title}</h3>
      {editable && (
        <div className="agreement-tools" role="toolbar" aria-label={`${title}: formatting`}>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.bold!)} title="Bold (Ctrl+B)">
            <strong>B</strong>
          </button>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.italic!)} title="Italic (Ctrl+I)">
            <em>I</em>
          </button>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.heading!)}>
            Heading
          </button>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.paragraph!)}>
            Text
          </button>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.bullets!)}>
            • List
          </button>
          <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => run(commands.numbers!)}>
            1. List
          </button>
          <select aria-label={`${title}: mention a partner, activity or stakeholder`} value="" onChange={(e) => insertMention(e.target.value)}>
            <option value="">Mention…</option>
            {targets.map((t) => (
              <option key={`${t.collection}:${t.id}`} value={`${t.collection}:${t.id}`}>
                {t.label} ({MENTION_KINDS[t.collection]})
              </option>
            ))}
          </select>
        </div>
      )}
      <div ref={host} className="agreement-host" />
    </section>
  );
}

/** Records mentioned in the agreement that no longer exist: the mention stays, flagged. */
function useMissingMentions(session: BoardSession, targets: MentionTarget[]): string[] {
  const [missing, setMissing] = useState<string[]>([]);
  const known = new Set(targets.map((t) => `${t.collection}:${t.id}`));
  const knownKey = [...known].sort().join('|');
  useEffect(() => {
    const check = () => {
      const labels = readAgreement(session.doc)
        .flatMap((s) => s.mentions)
        .filter((m) => !known.has(`${m.collection}:${m.recordId}`))
        .map((m) => m.label);
      setMissing((prev) => (prev.join('\n') === labels.join('\n') ? prev : labels));
    };
    check();
    session.doc.on('afterTransaction', check);
    return () => session.doc.off('afterTransaction', check);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, knownKey]);
  return missing;
}

export function AgreementView({ ctx }: { ctx: BoardContext }) {
  const targets = useMentionTargets(ctx.session);
  const missing = useMissingMentions(ctx.session, targets);
  useShortcuts([
    { group: 'Partnership agreement', keys: 'Ctrl+B', description: 'Bold (while writing in the agreement)' },
    { group: 'Partnership agreement', keys: 'Ctrl+I', description: 'Italic (while writing in the agreement)' },
    { group: 'Partnership agreement', keys: 'Ctrl+Z', description: 'Undo your own typing in a section' },
  ]);
  return (
    <div className="health-agreement">
      <p className="health-hint">
        The partnership agreement, written together: everyone with an edit link types here at the same time. Mention a partner, activity or stakeholder to link the agreement to the boards.
      </p>
      {missing.length > 0 && (
        <p className="health-problem" role="status">
          Mentions of removed records: {missing.join(', ')}
        </p>
      )}
      {AGREEMENT_SECTIONS.map((s) => (
        <SectionEditor key={s.key} session={ctx.session} section={s.key} title={s.title} editable={ctx.editable} targets={targets} />
      ))}
    </div>
  );
}
