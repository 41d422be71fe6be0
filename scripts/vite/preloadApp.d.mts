import type { Plugin } from 'vite';
/** The Vite plugin: index.html preloads the app's chunk (loaded by a dynamic import from the first script). */
export function preloadApp(entry?: string): Plugin;
