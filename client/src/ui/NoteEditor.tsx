import { useEffect, useRef, useState } from 'react';
import { MAX_TEXT, type CanvasItem } from '@pc/shared';
import { worldToScreen, type Camera } from '../canvas/camera';
import { FONT_FAMILY, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING_X, NOTE_PADDING_Y } from '../canvas/StickyNote';
import { useValue } from '../collab/hooks';
import type { ValueStore } from '../collab/valueStore';

interface NoteEditorProps {
  item: CanvasItem;
  camera: ValueStore<Camera>;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * A textarea laid exactly over the note (same font, padding and colour, scaled by
 * the camera), so editing feels in place. Ctrl/Cmd+Enter or leaving commits;
 * Escape cancels.
 */
export function NoteEditor({ item, camera, onCommit, onCancel }: NoteEditorProps) {
  const cam = useValue(camera);
  const [text, setText] = useState(item.text);
  const done = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  const topLeft = worldToScreen(cam, item);
  const z = cam.zoom;
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label="Note text"
      value={text}
      maxLength={MAX_TEXT}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          finish(true);
        }
      }}
      style={{
        left: topLeft.x,
        top: topLeft.y,
        width: item.width * z,
        height: item.height * z,
        padding: `${NOTE_PADDING_Y * z}px ${NOTE_PADDING_X * z}px`,
        fontSize: NOTE_FONT_SIZE * z,
        lineHeight: NOTE_LINE_HEIGHT,
        fontFamily: FONT_FAMILY,
        borderRadius: 8 * z,
        background: item.colour,
      }}
    />
  );
}
