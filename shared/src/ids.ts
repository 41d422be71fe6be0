import { customAlphabet } from 'nanoid';

/**
 * Branded string types keep a board id apart from a token apart from a record id:
 * the compiler refuses to pass one where another is expected.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type BoardId = Brand<string, 'BoardId'>;
export type BoardToken = Brand<string, 'BoardToken'>;
export type RecordId = Brand<string, 'RecordId'>;

/** URL-safe alphabet; 22 characters of 64 symbols = 132 bits of randomness. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';
const random22 = customAlphabet(ALPHABET, 22);
const random16 = customAlphabet(ALPHABET, 16);

/** Board ids and tokens: >= 128 bits of randomness, unguessable. */
export function newBoardId(): BoardId {
  return random22() as BoardId;
}

export function newBoardToken(): BoardToken {
  return random22() as BoardToken;
}

/** Record ids: 96 bits, collision-free for any realistic board. */
export function newRecordId(): RecordId {
  return random16() as RecordId;
}

const BOARD_ID_PATTERN = /^[0-9A-Za-z_-]{22}$/;

export function isBoardId(value: unknown): value is BoardId {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}
