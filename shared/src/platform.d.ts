/**
 * The few web-platform globals shared code uses that exist, identically, in
 * browsers and in Node. Neither the DOM nor the Node type library is loaded for
 * `shared/` (so nothing environment-specific slips in); these declare only what
 * is used. The client and server programs get the real declarations instead.
 */
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly hash: string;
  readonly protocol: string;
}
