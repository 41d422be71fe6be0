/**
 * What a V8 heap snapshot holds, grouped: self size and count per node type
 * and constructor name, largest first. Enough to see what a connection or a
 * room keeps (e.g. "Uint8Array 12 MB in 40,000"), without opening DevTools.
 */
interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  name: string;
  count: number;
  bytes: number;
}

export function summariseHeap(json: string, top = 25): { total: number; groups: HeapGroup[] } {
  const data = JSON.parse(json) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapGroup>();
  let total = 0;
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt]!]!;
    const size = data.nodes[i + sizeAt]!;
    total += size;
    // Objects and closures by constructor name; strings, code, arrays and the rest by type.
    const name = type === 'object' || type === 'closure' ? `${type} ${data.strings[data.nodes[i + nameAt]!]}` : type;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, count: 0, bytes: 0 }));
    group.count += 1;
    group.bytes += size;
  }
  return { total, groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top) };
}
