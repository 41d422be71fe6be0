/**
 * Frame containment is a board rule the server's facilitator locks use too,
 * so it lives in shared (`domain/canvas/frames.ts`); the canvas imports it from here.
 */
export { carriedIds, frameContents } from '@pc/shared';
