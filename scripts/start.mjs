// `npm start`: build the client and the server bundle when missing or older
// than their sources, then run the server in this process (so signals reach it
// directly), as plain JavaScript: no TypeScript loader in the running server.
// package.json passes the server's Node flags (`serverNodeFlags`) and environment
// (`serverEnv`, unless already set) to this process.
import { pathToFileURL } from 'node:url';
import { ensureClientBuilt } from './clientBuild.mjs';
import { ensureServerBuilt, serverBundle } from './serverBuild.mjs';

ensureClientBuilt();
await ensureServerBuilt();
await import(pathToFileURL(serverBundle).href);
