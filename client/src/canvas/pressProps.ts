import type Konva from 'konva';

/**
 * What a press on a canvas item does, for every kind of item: the left button
 * selects it (shift toggles it in the selection), a double-click or double-tap
 * edits it and goes no further (the canvas would add a note there).
 */
export function pressProps(id: string, handlers: { select(id: string, additive: boolean): void; edit(id: string): void }) {
  const edit = (event: Konva.KonvaEventObject<Event>) => {
    event.cancelBubble = true;
    handlers.edit(id);
  };
  return {
    onPointerDown: (event: Konva.KonvaEventObject<PointerEvent>) => {
      if (event.evt.button === 0) handlers.select(id, event.evt.shiftKey);
    },
    onDblClick: edit,
    onDblTap: edit,
  };
}
