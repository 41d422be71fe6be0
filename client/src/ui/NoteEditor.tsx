import type { CanvasItem } from '@pc/shared';
import type { Camera } from '../canvas/camera';
import { InPlaceTextEditor } from '../canvas/InPlaceTextEditor';
import { FONT_FAMILY, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING_X, NOTE_PADDING_Y } from '../canvas/StickyNote';
import type { ValueStore } from '../collab/valueStore';

interface NoteEditorProps {
  item: CanvasItem;
  camera: ValueStore<Camera>;
  onCommit(text: string): void;
}

/** A sticky note's text, edited in place over the note in the note's own colour. */
export function NoteEditor({ item, camera, onCommit }: NoteEditorProps) {
  return (
    <InPlaceTextEditor
      camera={camera}
      rect={item}
      text={item.text}
      label="Note text"
      className="note-editor"
      look={{
        paddingX: NOTE_PADDING_X,
        paddingY: NOTE_PADDING_Y,
        fontSize: NOTE_FONT_SIZE,
        lineHeight: NOTE_LINE_HEIGHT,
        fontFamily: FONT_FAMILY,
        radius: 8,
        background: item.colour,
      }}
      onCommit={onCommit}
    />
  );
}
