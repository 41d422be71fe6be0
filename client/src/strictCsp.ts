import { z } from 'zod';

/**
 * The server's Content-Security-Policy forbids eval. zod 4 compiles object
 * parsers with `new Function` when it may, after probing whether it may; the
 * probe alone is reported as a CSP violation. Jitless mode never tries.
 * zod decides when a schema is defined, so appStart.tsx imports this first of all.
 */
z.config({ jitless: true });
