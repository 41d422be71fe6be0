/** The bundled server (server/dist/main.mjs) that `npm start`, the tests and the benchmarks run. */
export const serverBundle: string;
/** Bundle server/src + shared/src into `serverBundle`. */
export function buildServer(): Promise<void>;
/** Rebuild `serverBundle` when it is missing or older than its sources. */
export function ensureServerBuilt(): Promise<void>;
/** The Node flags the server runs with (package.json's start script passes the same). */
export declare const serverNodeFlags: string[];
/** The environment the server starts with, under the caller's (package.json's start script sets the same). */
export declare const serverEnv: Record<string, string>;
