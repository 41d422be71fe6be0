// `npm start`: build the client when its build is missing or older than its
// sources, then run the server in this process (so signals reach it directly).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from './clientBuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureClientBuilt();

const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'server', 'src', 'main.ts'));
