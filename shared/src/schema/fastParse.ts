import type { z } from 'zod';

/**
 * A quicker `safeParse` for the record schemas, on the path every record of a
 * board takes when it is read (10,000 notes: zod's parse was ~110 ms of a
 * first paint) and every change the server admits.
 *
 * Each schema is compiled once into plain closures from its zod definition,
 * for the parts the record schemas use: objects (unknown keys stripped),
 * strings with length, regex and trim/case checks, numbers with bounds and
 * integer checks, booleans, enums, literals, arrays with a length cap,
 * nullable, optional and default. A schema holding anything else (a custom
 * refinement, a transform, a record, a union) is not compiled and goes to zod.
 *
 * The compiled check only ever says "valid, and here is zod's output"; any
 * value it does not accept goes to zod, which gives the verdict and the
 * issues. So a gap here costs speed, never correctness; the unit tests hold
 * the two to the same answers on every schema.
 */

/** The parsed value, or FAIL: not accepted here (zod decides). No wrapper is allocated per field. */
type Parser = (value: unknown) => unknown;
const FAIL: unique symbol = Symbol('not accepted');

/** Not compilable: the schema uses something this module does not handle. */
class Unsupported extends Error {}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

const compiled = new WeakMap<object, Parser | null>();

function parserOf(schema: z.ZodType): Parser | null {
  let parser = compiled.get(schema);
  if (parser === undefined) {
    try {
      parser = compile(schema);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      parser = null;
    }
    compiled.set(schema, parser);
  }
  return parser;
}

/** Whether `schema` runs on the compiled path (the rest go straight to zod). */
export function isCompiled(schema: z.ZodType): boolean {
  return parserOf(schema) !== null;
}

/**
 * The compiled check's answer alone: `{ value }` when it accepts, null when it
 * does not, undefined when the schema is not compiled (for the tests, which
 * hold it to accept exactly what zod accepts).
 */
export function compiledParse(schema: z.ZodType, value: unknown): { value: unknown } | null | undefined {
  const parser = parserOf(schema);
  if (!parser) return undefined;
  const result = parser(value);
  return result === FAIL ? null : { value: result };
}

/** `schema.safeParse(value)`, answered without zod when the compiled check accepts the value. */
export function fastSafeParse<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const parser = parserOf(schema);
  if (parser) {
    const result = parser(value);
    if (result !== FAIL) return { success: true, data: result as z.output<S> } as z.ZodSafeParseResult<z.output<S>>;
  }
  return schema.safeParse(value);
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function compile(schema: unknown): Parser {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case 'string':
      return compileString(checks);
    case 'number':
      return compileNumber(checks);
    case 'boolean':
      noChecks(checks);
      return (value) => (typeof value === 'boolean' ? value : FAIL);
    case 'enum': {
      noChecks(checks);
      const allowed = new Set(Object.values(def.entries as Record<string, unknown>));
      return (value) => (allowed.has(value) ? value : FAIL);
    }
    case 'literal': {
      noChecks(checks);
      const allowed = new Set(def.values as unknown[]);
      return (value) => (allowed.has(value) ? value : FAIL);
    }
    case 'nullable': {
      noChecks(checks);
      const inner = compile(def.innerType);
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      noChecks(checks);
      const inner = compile(def.innerType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'default': {
      noChecks(checks);
      const inner = compile(def.innerType);
      // zod reads the default through a getter (a fresh copy of an array or object each time).
      return (value) => (value === undefined ? def.defaultValue : inner(value));
    }
    case 'array':
      return compileArray(compile(def.element), checks);
    case 'object':
      return compileObject(def, checks);
    default:
      throw new Unsupported(def.type);
  }
}

function noChecks(checks: CheckDef[]): void {
  if (checks.length > 0) throw new Unsupported(checks[0]!.check);
}

function compileString(checks: CheckDef[]): Parser {
  const steps = checks.map((check): ((value: string) => string | null) => {
    switch (check.check) {
      case 'min_length': {
        const minimum = check.minimum as number;
        return (value) => (value.length >= minimum ? value : null);
      }
      case 'max_length': {
        const maximum = check.maximum as number;
        return (value) => (value.length <= maximum ? value : null);
      }
      case 'length_equals': {
        const length = check.length as number;
        return (value) => (value.length === length ? value : null);
      }
      case 'string_format': {
        if (check.format !== 'regex' || !(check.pattern instanceof RegExp)) throw new Unsupported(String(check.format));
        const pattern = check.pattern;
        return (value) => {
          pattern.lastIndex = 0;
          return pattern.test(value) ? value : null;
        };
      }
      case 'overwrite': {
        // trim(), toLowerCase(), toUpperCase(): the value the later checks (and the output) see.
        const tx = check.tx as (value: string) => unknown;
        return (value) => {
          const next = tx(value);
          return typeof next === 'string' ? next : null;
        };
      }
      default:
        throw new Unsupported(check.check);
    }
  });
  return (value) => {
    if (typeof value !== 'string') return FAIL;
    let current: string | null = value;
    for (let i = 0; i < steps.length && current !== null; i++) current = steps[i]!(current);
    return current === null ? FAIL : current;
  };
}

function compileNumber(checks: CheckDef[]): Parser {
  const tests = checks.map((check): ((value: number) => boolean) => {
    switch (check.check) {
      case 'greater_than': {
        const bound = check.value as number;
        return check.inclusive ? (value) => value >= bound : (value) => value > bound;
      }
      case 'less_than': {
        const bound = check.value as number;
        return check.inclusive ? (value) => value <= bound : (value) => value < bound;
      }
      case 'number_format':
        if (check.format !== 'safeint') throw new Unsupported(String(check.format));
        return (value) => Number.isSafeInteger(value);
      default:
        throw new Unsupported(check.check);
    }
  });
  return (value) => {
    // zod's number refuses NaN and the infinities.
    if (typeof value !== 'number' || !Number.isFinite(value)) return FAIL;
    for (const test of tests) if (!test(value)) return FAIL;
    return value;
  };
}

function compileArray(element: Parser, checks: CheckDef[]): Parser {
  let minimum = 0;
  let maximum = Infinity;
  for (const check of checks) {
    if (check.check === 'min_length') minimum = check.minimum as number;
    else if (check.check === 'max_length') maximum = check.maximum as number;
    else throw new Unsupported(check.check);
  }
  return (value) => {
    if (!Array.isArray(value) || value.length < minimum || value.length > maximum) return FAIL;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const result = element(value[i]);
      if (result === FAIL) return FAIL;
      out[i] = result;
    }
    return out;
  };
}

function compileObject(def: Def, checks: CheckDef[]): Parser {
  noChecks(checks);
  // A catch-all keeps unknown keys (and checks them): zod's job.
  if (def.catchall !== undefined) throw new Unsupported('catchall');
  const fields = Object.entries(def.shape as Record<string, unknown>).map(([key, field]) => ({ key, parse: compile(field) }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return FAIL;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, parse } of fields) {
      const own = Object.hasOwn(input, key);
      const result = parse(own ? input[key] : undefined);
      if (result === FAIL) return FAIL;
      // zod leaves out a key that was absent and came out undefined.
      if (result !== undefined || own) out[key] = result;
    }
    return out;
  };
}
