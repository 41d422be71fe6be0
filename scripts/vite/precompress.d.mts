import type { Plugin } from 'vite';
/** Write `<file>.br` and `<file>.gz` next to each compressible file of `dir` (kept only when smaller). */
export function precompressDir(dir: string): { path: string; bytes: number; br: number; gzip: number }[];
/** The Vite plugin: precompress the build's output once it is written. */
export function precompress(): Plugin;
