import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { MAX_TEXT } from '@pc/shared';
import { useValue } from '../collab/hooks';
import { useFinishOnUnmount } from './useFinishOnUnmount';
import type { ValueStore } from '../collab/valueStore';
import { worldToScreen, type Camera } from './camera';
import type { Rect } from './geometry';

/** What the textarea looks like at zoom 1; sizes are scaled by the camera. */
export interface EditorLook {
  paddingX: number;
  paddingY: number;
  fontSize: number;
  lineHeight: number;
  fontFamily: string;
  radius: number;
  background?: string;
}

interface InPlaceTextEditorProps {
  camera: ValueStore<Camera>;
  /** The world rectangle of the thing being edited. */
  rect: Rect;
  text: string;
  label: string;
  className: string;
  placeholder?: string;
  look: EditorLook;
  /** Called once when editing ends, however it ends: the typed text is always kept. */
  onCommit(text: string): void;
}

/**
 * A textarea laid exactly over a canvas shape (same font and padding, scaled by
 * the camera), so editing feels in place. Enter commits (Shift+Enter starts a new
 * line), and so do leaving the field and Escape: what was typed is never thrown
 * away. Used by sticky notes and logic-model cards alike.
 */
export function InPlaceTextEditor({ camera, rect, text: initial, label, className, placeholder, look, onCommit }: InPlaceTextEditorProps) {
  const cam = useValue(camera);
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  const latest = useRef({ text, onCommit });
  latest.current = { text, onCommit };
  const finish = () => {
    if (done.current) return;
    done.current = true;
    latest.current.onCommit(latest.current.text);
  };
  // Closed some other way (another tab, another card opened): still keep the text.
  useFinishOnUnmount(finish);
  const topLeft = worldToScreen(cam, rect);
  const z = cam.zoom;
  const style: CSSProperties = {
    left: topLeft.x,
    top: topLeft.y,
    width: rect.width * z,
    height: rect.height * z,
    padding: `${look.paddingY * z}px ${look.paddingX * z}px`,
    fontSize: look.fontSize * z,
    lineHeight: look.lineHeight,
    fontFamily: look.fontFamily,
    borderRadius: look.radius * z,
    ...(look.background ? { background: look.background } : {}),
  };
  return (
    <textarea
      ref={ref}
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      maxLength={MAX_TEXT}
      onChange={(event) => setText(event.target.value)}
      onBlur={finish}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.nativeEvent.isComposing) return;
        if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
          event.preventDefault();
          finish();
        }
      }}
      style={style}
    />
  );
}
