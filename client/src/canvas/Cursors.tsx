import { Group, Label, Path, Tag, Text } from 'react-konva';
import type { BoardView } from '@pc/shared';
import { useValueBy } from '../lib/hooks';
import type { Camera } from './camera';
import { visibleCursors, type Peer } from '../collab/presence';
import type { ValueStore } from '../lib/valueStore';
import { FONT_FAMILY } from '../lib/theme';

const ARROW = 'M0 0 L0 17 L4.6 12.6 L7.8 19.6 L10.6 18.4 L7.5 11.6 L13.4 11.6 Z';

/**
 * Other people's pointers on this tab. Subscribes to presence on its own, so a
 * cursor moving re-renders this layer only. Drawn at a constant screen size:
 * re-renders when the zoom changes, never for a pan.
 */
export function Cursors({ peers, view, camera }: { peers: ValueStore<Peer[]>; view: BoardView; camera: ValueStore<Camera> }) {
  // Other people's cursors only: my own presence (the viewport I publish as I pan) changes nothing here.
  const all = useValueBy(peers, (list) => cursorsKey(visibleCursors(list, view)));
  const { zoom } = useValueBy(camera, (c) => String(c.zoom));
  const scale = 1 / zoom;
  return (
    <>
      {visibleCursors(all, view).map((peer) => (
        <Group key={peer.clientId} x={peer.cursor!.x} y={peer.cursor!.y} scaleX={scale} scaleY={scale} listening={false}>
          <Path data={ARROW} fill={peer.user.colour} stroke="#ffffff" strokeWidth={1.5} perfectDrawEnabled={false} />
          <Label x={12} y={18}>
            <Tag fill={peer.user.colour} cornerRadius={4} />
            <Text text={peer.user.name} fill="#ffffff" fontSize={12} fontStyle="600" fontFamily={FONT_FAMILY} padding={5} />
          </Label>
        </Group>
      ))}
    </>
  );
}

const cursorsKey = (shown: readonly Peer[]) => shown.map((peer) => `${peer.clientId}:${peer.cursor!.x}:${peer.cursor!.y}:${peer.user.name}:${peer.user.colour}`).join('|');
