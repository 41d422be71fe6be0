import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { MAX_TEXT } from '@pc/shared';
import { useValue } from '../lib/hooks';
import type { ValueStore } from '../lib/valueStore';
import { worldToScreen, type Camera } from './camera';
import { worldPoint, type Rect } from '../lib/geometry';

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
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * A textarea laid exactly over a canvas shape (same font and padding, scaled by
 * the camera), so editing feels in place. Ctrl/Cmd+Enter or leaving commits;
 * Escape cancels. Used by sticky notes and logic-model cards alike.
 */
export function InPlaceTextEditor({ camera, rect, text: initial, label, className, placeholder, look, onCommit, onCancel }: InPlaceTextEditorProps) {
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
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  const topLeft = worldToScreen(cam, worldPoint(rect.x, rect.y));
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
      style={style}
    />
  );
}
