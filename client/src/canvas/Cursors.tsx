import { Group, Label, Path, Tag, Text } from 'react-konva';
import type { BoardView } from '@pc/shared';
import { useValue } from '../lib/hooks';
import { visibleCursors, type Peer } from '../collab/presence';
import type { ValueStore } from '../lib/valueStore';
import { FONT_FAMILY } from '../lib/theme';

const ARROW = 'M0 0 L0 17 L4.6 12.6 L7.8 19.6 L10.6 18.4 L7.5 11.6 L13.4 11.6 Z';

/**
 * Other people's pointers on this tab. Subscribes to presence on its own, so a
 * cursor moving re-renders this layer only. Drawn at a constant screen size.
 */
export function Cursors({ peers, view, zoom }: { peers: ValueStore<Peer[]>; view: BoardView; zoom: number }) {
  const all = useValue(peers);
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
