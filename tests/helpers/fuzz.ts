import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRecord, deleteRecord, updateRecord } from '@pc/shared';
import type { Random } from './random';

/**
 * Generators for the fuzz tests: WebSocket frames derived from real
 * y-websocket messages (then mutated, truncated, mislabelled or lying about
 * lengths) and HTTP requests with odd methods, paths, headers and bodies.
 * Everything is drawn from a seeded Random, so a failing run replays.
 */

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';

function recordId(random: Random): string {
  return Array.from({ length: 16 }, () => random.pick([...ID_ALPHABET])).join('');
}

function envelope(type: number, subtype: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (subtype !== null) encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Well-formed Yjs updates, each written by a fresh document with its own client id (never the board's writers'). */
function documentUpdates(random: Random): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = random.int(1, 0x7fffffff);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const note = createRecord(doc, 'canvasItems', { id: recordId(random), kind: 'sticky', text: `fuzz ${random.int(0, 1e6)}`, x: random.int(-500, 500) });
  updateRecord(doc, 'canvasItems', note.id, { text: 'moved', y: random.int(0, 900) });
  createRecord(doc, 'stakeholders', { id: recordId(random), name: 'Fuzz org', power: random.int(0, 4) });
  const gone = createRecord(doc, 'logicNodes', { id: recordId(random), column: 'inputs', text: 'temporary' });
  deleteRecord(doc, 'logicNodes', gone.id);
  updates.push(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return updates;
}

function awarenessUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = random.int(1, 0x7fffffff);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: `Fuzzer ${random.int(0, 99)}`, colour: '#123456' }, cursor: { x: random.int(0, 999), y: 1 } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  doc.destroy();
  return update;
}

/** Valid client messages of every kind the protocol has, written by one fresh document. */
function validMessages(random: Random): { messages: Uint8Array[]; updates: Uint8Array[]; awareness: Uint8Array } {
  const updates = documentUpdates(random);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  const awareness = awarenessUpdate(random);
  const messages = [
    envelope(0, 0, stateVector),
    ...updates.map((update) => envelope(0, 2, update)),
    envelope(0, 1, updates.at(-1)!),
    envelope(1, null, awareness),
    varUint(3),
  ];
  return { messages, updates, awareness };
}

/** Real messages to start each frame from: built once (Y.Docs are not cheap), then mutated per frame. */
export interface FrameTemplates {
  messages: Uint8Array[];
  updates: Uint8Array[];
  awareness: Uint8Array[];
}

export function frameTemplates(random: Random, writers = 48): FrameTemplates {
  const templates: FrameTemplates = { messages: [], updates: [], awareness: [] };
  for (let i = 0; i < writers; i++) {
    const { messages, updates, awareness } = validMessages(random);
    templates.messages.push(...messages);
    templates.updates.push(...updates);
    templates.awareness.push(awareness);
  }
  return templates;
}

const HUGE = [0x7f, 0xff, 0x1_0000, 0x7fff_ffff, 0xffff_ffff, 2 ** 40, Number.MAX_SAFE_INTEGER];

function mutateBytes(random: Random, input: Uint8Array, count: number): Uint8Array {
  let bytes = Array.from(input);
  for (let i = 0; i < count; i++) {
    const at = random.int(0, Math.max(0, bytes.length - 1));
    switch (random.int(0, 4)) {
      case 0:
        bytes[at] = random.int(0, 255);
        break;
      case 1:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
        break;
      case 2:
        bytes.splice(at, 0, ...random.bytes(random.int(1, 4)));
        break;
      case 3:
        bytes.splice(at, random.int(1, 3));
        break;
      default:
        bytes[at] = random.pick([0x00, 0x7f, 0x80, 0xff]);
    }
  }
  return new Uint8Array(bytes);
}

export type FrameKind =
  | 'random-bytes'
  | 'mutated-message'
  | 'mutated-update'
  | 'truncated'
  | 'truncated-varint'
  | 'huge-length'
  | 'wrong-type'
  | 'mislabelled'
  | 'concatenated'
  | 'valid';

export const FRAME_KINDS: readonly FrameKind[] = [
  'random-bytes',
  'mutated-message',
  'mutated-update',
  'mutated-update',
  'truncated',
  'truncated-varint',
  'huge-length',
  'wrong-type',
  'mislabelled',
  'concatenated',
  'valid',
];

/** One WebSocket frame of the given kind, built from fresh valid messages. */
export function fuzzFrame(random: Random, templates: FrameTemplates, kind: FrameKind): Uint8Array {
  const message = random.pick(templates.messages);
  switch (kind) {
    case 'random-bytes':
      return random.bytes(random.chance(0.9) ? random.int(0, 48) : random.int(49, 4096));
    case 'mutated-message':
      return mutateBytes(random, message, random.int(1, 4));
    case 'mutated-update': {
      // A correct envelope around a damaged update: this is what reaches Yjs.
      const update = random.pick(templates.updates);
      return envelope(0, random.pick([1, 2]), mutateBytes(random, update, random.int(1, 3)));
    }
    case 'truncated':
      return message.slice(0, random.int(0, Math.max(0, message.byteLength - 1)));
    case 'truncated-varint':
      return concat(message.slice(0, random.int(0, 3)), new Uint8Array(random.int(1, 9)).fill(0x80 | random.int(0, 0x7f)));
    case 'huge-length': {
      const tail = random.bytes(random.int(0, 32));
      return random.pick([
        concat(varUint(0), varUint(random.int(0, 2)), varUint(random.pick(HUGE)), tail),
        concat(varUint(1), varUint(random.pick(HUGE)), tail),
        // A well-framed update whose first count (structs, clients or a string length) lies.
        envelope(0, 2, concat(varUint(random.pick(HUGE)), random.pick(templates.updates).slice(1))),
        envelope(1, null, concat(varUint(random.pick(HUGE)), random.pick(templates.awareness).slice(1))),
      ]);
    }
    case 'wrong-type':
      return concat(varUint(random.pick([4, 5, 9, 127, 128, 0xffff, 2 ** 31, 2 ** 52])), message.slice(1));
    case 'mislabelled': {
      // A valid payload under the wrong message or sync type.
      const payload = random.pick([random.pick(templates.awareness), random.pick(templates.updates), new Uint8Array([0])]);
      return random.chance(0.5) ? envelope(0, random.int(0, 5), payload) : envelope(random.int(0, 3), null, payload);
    }
    case 'concatenated':
      return concat(message, random.pick(templates.messages), random.chance(0.5) ? random.bytes(random.int(1, 8)) : new Uint8Array());
    case 'valid':
      return message;
  }
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

function randomString(random: Random, max: number): string {
  const pools = ['abc xyz', 'ÄÖü éè ñ', '日本語テキスト', '🙂🚀👩‍👩‍👧', '\u0000\u0001\u001f', '\u200b\u202e\ufeff', '<script>alert(1)</script>', '=cmd|+1', '\ud800\udfff\ud800', '"\\\'`'];
  let out = '';
  const length = random.int(0, max);
  while (out.length < length) out += random.pick(pools);
  return out.slice(0, length);
}

/** A random JSON value: nested, huge numbers, prototype keys, long strings. */
export function randomJson(random: Random, depth = 0): unknown {
  const roll = random.int(0, depth > 4 ? 5 : 9);
  switch (roll) {
    case 0:
      return random.pick([null, true, false]);
    case 1:
      return random.pick([0, -0, 1e308, -1e308, 2 ** 53 + 1, 1.5e-324, random.int(-1e9, 1e9), 123456789012345678901234567890]);
    case 2:
    case 3:
      return randomString(random, random.chance(0.1) ? 400 : 40);
    case 4:
    case 5:
      return random.pick(['Board', '  ', '', 'x'.repeat(201), 'A partnership']);
    case 6:
      return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(0, 4); i > 0; i--) {
        const key = random.pick([...PROTO_KEYS, 'title', 'title', 'id', 'tokens', randomString(random, 10)]);
        // defineProperty: a plain assignment to "__proto__" would set the prototype, not a key.
        Object.defineProperty(object, key, { value: randomJson(random, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      return object;
    }
  }
}

function randomBody(random: Random): Buffer {
  switch (random.int(0, 9)) {
    case 0:
      return Buffer.from(random.bytes(random.int(0, 256)));
    case 1: {
      const depth = random.int(100, 6000);
      return Buffer.from(random.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    }
    case 2:
      return Buffer.from(random.pick(['{', '{"title":', '{"title": "x",}', "{'title':'x'}", 'null', '"title"', '[]', '1e99999', 'NaN', '{"title":"\\ud800"}']));
    case 3:
      return Buffer.alloc(random.int(16_000, 40_000), 'a');
    case 4:
      return Buffer.from(JSON.stringify({ title: randomJson(random), ...(random.chance(0.5) ? { extra: randomJson(random) } : {}) }));
    case 5:
      return Buffer.from(`{"__proto__":{"title":"polluted","polluted":true},"constructor":{"prototype":{"polluted":true}},"title":${JSON.stringify(randomString(random, 30))}}`);
    default:
      return Buffer.from(JSON.stringify(randomJson(random)) ?? 'null');
  }
}

/** Boards the HTTP fuzz may name, with the tokens it may send for each. */
export interface FuzzTarget {
  boardId: string;
  tokens: string[];
}

/** Every byte as %XX (lone surrogates become U+FFFD, which encodeURIComponent refuses). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

function randomPath(random: Random, target: FuzzTarget): string {
  const id = random.pick([
    target.boardId,
    target.boardId,
    recordId(random) + recordId(random).slice(0, 6),
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    'x'.repeat(random.int(23, 3000)),
    percentEncode(randomString(random, 12)),
    '__proto__',
    'constructor',
  ]);
  const format = random.pick(['json', 'csv', 'yjs', 'pdf', 'xml', '', 'JSON', 'json&format=csv', '%', '__proto__']);
  const table = random.pick(['stakeholders', 'matrix', 'actions', 'relationships', '', 'toString', '__proto__', '%ff']);
  const query = random.pick([
    '',
    `?format=${format}`,
    `?format=${format}&table=${table}`,
    `?table=${table}`,
    '?format[]=json&format[]=csv',
    '?__proto__[polluted]=1&constructor[prototype][polluted]=1',
    `?${percentEncode(randomString(random, 8))}=%`,
  ]);
  return random.pick([
    '/api/boards',
    '/api/boards/',
    `/api/boards/${id}`,
    `/api/boards/${id}`,
    `/api/boards/${id}/export${query}`,
    `/api/boards/${id}/export${query}`,
    `/api/boards/${id}/export${query}`,
    `/api/boards/${id}/tokens/${random.pick(['edit', 'view', 'owner', 'admin'])}/rotate`,
    `/api/${id}`,
    '/healthz',
    `/healthz${query}`,
    `/b/${id}`,
    `/assets/${id}`,
    `/${id}`,
    '/ws',
    `/ws/${id}`,
    '/api/boards/%',
    '/%',
    '//api//boards',
    `/api/boards/${target.boardId}/export/../../../healthz`,
  ]);
}

/** Odd but well-formed methods: a token Node's HTTP parser does not know is refused before the app sees it. */
const METHODS = ['GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'MKCOL', 'PURGE', 'SEARCH', 'TRACE'];
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.api+json',
  '*/*',
  'json',
];

/** One HTTP request against any endpoint, with or without a body and a valid token. */
export function fuzzRequest(random: Random, targets: readonly FuzzTarget[]): FuzzRequest {
  const target = random.pick(targets);
  const method = random.pick(METHODS);
  const headers: Record<string, string> = {};
  const auth = random.int(0, 6);
  if (auth <= 3) headers.authorization = `Bearer ${random.pick(target.tokens)}`;
  else if (auth === 4) headers.authorization = random.pick(['Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${'t'.repeat(5000)}`, 'bearer  x y']);
  const request: FuzzRequest = { method, path: randomPath(random, target), headers };
  if (method !== 'GET' && method !== 'HEAD' && random.chance(0.85)) {
    request.body = randomBody(random);
    if (random.chance(0.9)) headers['content-type'] = random.pick(CONTENT_TYPES);
    if (random.chance(0.05)) headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br', 'identity', 'x-unknown']);
  }
  return request;
}
