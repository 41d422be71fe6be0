/**
 * Summarise a V8 .cpuprofile (from `--profile=<dir>` or `node --cpu-prof`):
 * the functions with the most self time and the most total time, so a
 * benchmark's CPU can be explained without opening DevTools.
 *
 *   node --import tsx bench/lib/profileSummary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FunctionCost {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file.split('?')[0]}:${lineNumber + 1}` : ''}`.trim();
}

/** Self and total (inclusive, counted once per stack) time per function. */
export function summariseProfile(profile: CpuProfile): { costs: FunctionCost[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const costs = new Map<string, FunctionCost>();
  const cost = (name: string) => {
    let entry = costs.get(name);
    if (!entry) costs.set(name, (entry = { name, selfMs: 0, totalMs: 0 }));
    return entry;
  };
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    const node = byId.get(id)!;
    cost(label(node)).selfMs += us / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      cost(name).totalMs += us / 1000;
    }
  }
  return { costs: [...costs.values()], totalMs: totalUs / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/lib/profileSummary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const top = Number(topArg ?? 25);
  const { costs, totalMs } = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const idle = costs.find((c) => c.name.startsWith('(idle)'))?.selfMs ?? 0;
  console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s sampled, ${((totalMs - idle) / 1000).toFixed(1)} s busy`);
  const show = (title: string, key: 'selfMs' | 'totalMs') => {
    console.log(`\n${title}`);
    for (const c of [...costs].sort((a, b) => b[key] - a[key]).slice(0, top)) {
      if (c.name.startsWith('(idle)') || c.name.startsWith('(root)')) continue;
      console.log(`${c[key].toFixed(0).padStart(8)} ms ${((c[key] / (totalMs - idle)) * 100).toFixed(1).padStart(5)}%  ${c.name}`);
    }
  };
  show('self time', 'selfMs');
  show('total time', 'totalMs');
}
