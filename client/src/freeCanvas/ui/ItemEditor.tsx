import type { CanvasItem } from '@pc/shared';
import type { Camera } from '../../canvas/camera';
import { InPlaceTextEditor, type EditorLook } from '../../canvas/InPlaceTextEditor';
import { FONT_FAMILY } from '../../lib/theme';
import { NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING_X, NOTE_PADDING_Y } from '../../canvas/StickyNote';
import type { Rect } from '../../lib/geometry';
import type { ValueStore } from '../../lib/valueStore';
import {
  CONNECTOR_LABEL_FONT_SIZE,
  CONNECTOR_LABEL_HEIGHT,
  CONNECTOR_LABEL_WIDTH,
  FRAME_PADDING_X,
  FRAME_TITLE_FONT_SIZE,
  FRAME_TITLE_HEIGHT,
  TEXT_FONT_SIZE,
  TEXT_LINE_HEIGHT,
  TEXT_PADDING,
} from './look';

interface ItemEditorProps {
  item: CanvasItem;
  /** Where a connector's label sits (the middle of its line); null for other kinds. */
  labelAt: { x: number; y: number } | null;
  camera: ValueStore<Camera>;
  onCommit(text: string): void;
}

const base = { fontFamily: FONT_FAMILY };

function editorFor(item: CanvasItem, labelAt: { x: number; y: number } | null): { rect: Rect; look: EditorLook; label: string; className: string; placeholder?: string } {
  if (item.kind === 'frame') {
    return {
      rect: { x: item.x, y: item.y, width: item.width, height: FRAME_TITLE_HEIGHT },
      look: { ...base, paddingX: FRAME_PADDING_X, paddingY: (FRAME_TITLE_HEIGHT - FRAME_TITLE_FONT_SIZE * 1.2) / 2, fontSize: FRAME_TITLE_FONT_SIZE, lineHeight: 1.2, radius: 10, background: '#f1f5f9' },
      label: 'Frame title',
      className: 'note-editor frame-title-editor',
    };
  }
  if (item.kind === 'text') {
    return {
      rect: item,
      look: { ...base, paddingX: TEXT_PADDING, paddingY: TEXT_PADDING, fontSize: TEXT_FONT_SIZE, lineHeight: TEXT_LINE_HEIGHT, radius: 4, background: '#ffffff' },
      label: 'Text',
      className: 'note-editor text-item-editor',
    };
  }
  if (item.kind === 'connector') {
    const at = labelAt ?? { x: item.x, y: item.y };
    return {
      rect: { x: at.x - CONNECTOR_LABEL_WIDTH / 2, y: at.y - CONNECTOR_LABEL_HEIGHT / 2, width: CONNECTOR_LABEL_WIDTH, height: CONNECTOR_LABEL_HEIGHT },
      look: { ...base, paddingX: 6, paddingY: 4, fontSize: CONNECTOR_LABEL_FONT_SIZE, lineHeight: 1.3, radius: 4, background: '#ffffff' },
      label: 'Connector label',
      className: 'note-editor connector-label-editor',
      placeholder: 'Label',
    };
  }
  return {
    rect: item,
    look: { ...base, paddingX: NOTE_PADDING_X, paddingY: NOTE_PADDING_Y, fontSize: NOTE_FONT_SIZE, lineHeight: NOTE_LINE_HEIGHT, radius: 8, background: item.colour },
    label: 'Note text',
    className: 'note-editor',
  };
}

/** A free item's text edited in place: a note's text, a text item, a frame's title, a connector's label. */
export function ItemEditor({ item, labelAt, camera, onCommit }: ItemEditorProps) {
  const { rect, look, label, className, placeholder } = editorFor(item, labelAt);
  return <InPlaceTextEditor camera={camera} rect={rect} text={item.text} label={label} className={className} placeholder={placeholder} look={look} onCommit={onCommit} />;
}
