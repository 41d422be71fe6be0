// `npm run cluster`: three server nodes on three ports sharing the local
// PostgreSQL and Redis, as a deployment behind a load balancer would (no
// sticky sessions: any node serves any board). Prints their URLs; Ctrl-C stops
// all three gracefully. Override with DATABASE_URL, REDIS_URL, CLUSTER_PORT
// (first port, default 8081) and any other server setting.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from './clientBuild.mjs';
import { ensureServerBuilt, serverBundle, serverEnv, serverNodeFlags } from './serverBuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODES = 3;
const firstPort = Number(process.env.CLUSTER_PORT ?? 8081);
const ports = Array.from({ length: NODES }, (_, index) => firstPort + index);
const origins = ports.flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);

const shared = {
  STORAGE: 'postgres',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  DATABASE_SCHEMA: process.env.DATABASE_SCHEMA ?? 'pc_cluster',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  // Each page may sync with any node (a client moves to the next when its node dies).
  WS_URLS: ports.map((port) => `ws://localhost:${port}/ws`).join(','),
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? origins.join(','),
};

ensureClientBuilt();
await ensureServerBuilt();
let stopping = false;
const children = ports.map((port, index) => {
  const name = `node${index + 1}`;
  const child = spawn(process.execPath, [...serverNodeFlags, serverBundle], {
    cwd: root,
    env: { ...serverEnv, ...process.env, ...shared, PORT: String(port), METRICS_PORT: String(port + 1000), NODE_ID: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`[${name}] stopped (${signal ?? code})\n`);
    if (!stopping && code !== 0) stop();
  });
  return child;
});

function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Wait until every node answers /healthz, then say where they are.
const deadline = Date.now() + 60_000;
for (const port of ports) {
  for (;;) {
    if (stopping) process.exit(1);
    const ok = await fetch(`http://localhost:${port}/healthz`).then((res) => res.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      process.stderr.write(`node on port ${port} did not become healthy within 60 s\n`);
      stop();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
if (!stopping) {
  process.stdout.write(`\nPartnership Canvas cluster (${NODES} nodes, PostgreSQL schema ${shared.DATABASE_SCHEMA}, Redis ${shared.REDIS_URL}):\n`);
  for (const port of ports) process.stdout.write(`  http://localhost:${port}   metrics http://localhost:${port + 1000}/metrics\n`);
  process.stdout.write('Ctrl-C stops all three.\n\n');
}
await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
