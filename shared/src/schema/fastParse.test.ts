import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTION_NAMES, RECORD_SCHEMAS } from './index';
import { metaSchema } from './meta';
import { compiledParse, fastSafeParse, isCompiled } from './fastParse';

/** Park and Miller's minimal standard generator: seeded, so a failing case replays. */
function parkMiller(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const POOL: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'a',
  '  padded name  ',
  'UPPER',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(10_000),
  'x'.repeat(10_001),
  '#3366cc',
  '#3366CC',
  '#36c',
  '2026-03-31',
  '2026-3-31',
  'a0',
  'stk_1',
  0,
  -0,
  1,
  -1,
  2,
  4,
  5,
  1.5,
  7.999,
  8,
  100,
  10_000,
  10_001,
  2 ** 53,
  -(2 ** 60),
  NaN,
  Infinity,
  -Infinity,
  true,
  false,
  [],
  ['a', 'b'],
  [''],
  [1, 2],
  Array.from({ length: 201 }, (_, i) => `id${i}`),
  {},
  { a: 1 },
  new Date(0),
  () => 1,
];

type Shape = Record<string, z.ZodType>;

interface DefHolder {
  _zod: { def: { type: string; innerType?: DefHolder; entries?: object } };
}

/** Per field: the pool values zod accepts (plus its enum values), and the rest. */
function pools(shape: Shape): Map<string, { valid: unknown[]; invalid: unknown[] }> {
  const out = new Map<string, { valid: unknown[]; invalid: unknown[] }>();
  for (const [key, field] of Object.entries(shape)) {
    const extra: unknown[] = [];
    for (let inner: DefHolder | undefined = field as unknown as DefHolder; inner; inner = inner._zod.def.innerType) {
      const def = inner._zod.def;
      if (def.type === 'enum' && def.entries) extra.push(...Object.values(def.entries));
    }
    const candidates = [...POOL, ...extra];
    out.set(key, {
      valid: candidates.filter((value) => field.safeParse(value).success),
      invalid: candidates.filter((value) => !field.safeParse(value).success),
    });
  }
  return out;
}

function sample(byField: ReturnType<typeof pools>, next: () => number, badShare: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, { valid, invalid }] of byField) {
    const roll = next();
    if (roll < 0.05) continue;
    const from = roll < 0.05 + badShare && invalid.length > 0 ? invalid : valid.length > 0 ? valid : invalid;
    record[key] = from[Math.floor(next() * from.length)];
  }
  if (next() < 0.2) record.notAField = 'extra';
  return record;
}

/** `exact`: the compiled check itself must accept what zod accepts (not only the combined answer). */
function expectSame(schema: z.ZodType, value: unknown, exact = true): boolean {
  const expected = schema.safeParse(value);
  const actual = fastSafeParse(schema, value);
  expect(actual.success).toBe(expected.success);
  if (expected.success && actual.success) expect(actual.data).toStrictEqual(expected.data);
  // A compiled schema accepts exactly what zod accepts (rejecting more would only
  // be slower, but it would be slower on every record), with zod's output.
  const own = compiledParse(schema, value);
  if (exact && own !== undefined) {
    expect(own !== null).toBe(expected.success);
    if (own && expected.success) expect(own.value).toStrictEqual(expected.data);
  }
  return expected.success;
}

describe('fastSafeParse', () => {
  it('compiles the record schemas the boards read most', () => {
    for (const name of ['canvasItems', 'stakeholders', 'logicNodes', 'logicLinks', 'relationships', 'matrixRows', 'matrixCells'] as const) {
      expect(isCompiled(RECORD_SCHEMAS[name]), name).toBe(true);
    }
  });

  it('leaves schemas with refinements, catch-alls or records to zod', () => {
    expect(isCompiled(metaSchema)).toBe(false);
    expect(isCompiled(z.object({ a: z.string() }).refine((v) => v.a !== 'x'))).toBe(false);
    expect(isCompiled(z.string().transform((v) => v.length))).toBe(false);
    expect(isCompiled(z.record(z.string(), z.number()))).toBe(false);
  });

  it.each(COLLECTION_NAMES)('gives zod’s verdict and output for %s records', (name) => {
    const schema = RECORD_SCHEMAS[name];
    const byField = pools(schema.shape as Shape);
    const next = parkMiller(name.length * 7919);
    let valid = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const record = sample(byField, next, i % 2 === 0 ? 0 : 0.1);
      if (expectSame(schema, record)) valid++;
    }
    // Both sides of the comparison are exercised.
    expect(valid).toBeGreaterThan(runs * 0.2);
    expect(valid).toBeLessThan(runs);
  });

  it('gives zod’s verdict on values that are not records at all', () => {
    const schema = RECORD_SCHEMAS.canvasItems;
    const odd: unknown[] = [null, undefined, 1, 'note', [], [{ id: 'a', kind: 'sticky' }], new Date(0), Object.create({ id: 'a', kind: 'sticky' })];
    const withProto = JSON.parse('{"id":"a","kind":"sticky","__proto__":{"x":5}}') as unknown;
    const nullProto = Object.assign(Object.create(null) as object, { id: 'a', kind: 'sticky' });
    // An object with a prototype of its own goes to zod (which reads inherited fields).
    for (const value of [...odd, withProto, nullProto]) expectSame(schema, value, false);
  });

  it('applies trim before the length checks, as zod does', () => {
    const schema = z.object({ name: z.string().trim().min(1).max(3) });
    for (const name of ['  ab  ', '   ', ' abcd ', 'abc']) expectSame(schema, { name });
    expect(fastSafeParse(schema, { name: '  ab  ' })).toStrictEqual({ success: true, data: { name: 'ab' } });
  });

  it('keeps a key that was present and undefined, and leaves out one that was absent, as zod does', () => {
    const schema = z.object({ note: z.string().optional(), size: z.number().default(1) });
    for (const value of [{}, { note: undefined }, { note: 'a' }, { size: undefined }, { note: 1 }]) expectSame(schema, value);
  });

  it('hands out a fresh default each time', () => {
    const schema = z.object({ tags: z.array(z.string()).default([]) });
    const a = fastSafeParse(schema, {});
    const b = fastSafeParse(schema, {});
    expect(a.success && b.success && a.data.tags !== b.data.tags).toBe(true);
  });
});
