import { describe, expect, it } from 'vitest';
import { originAllowed } from './origins';

describe('originAllowed', () => {
  const defaults = { allowed: undefined, publicOrigin: 'https://canvas.example.org' };

  it('lets clients without an Origin header through (not browsers)', () => {
    expect(originAllowed(undefined, 'localhost:8080', defaults)).toBe(true);
  });

  it('allows PUBLIC_URL and the host the page was served from, by default', () => {
    expect(originAllowed('https://canvas.example.org', 'internal:8080', defaults)).toBe(true);
    expect(originAllowed('http://localhost:8080', 'localhost:8080', defaults)).toBe(true);
    expect(originAllowed('http://LOCALHOST:8080', 'localhost:8080', defaults)).toBe(true);
  });

  it('refuses other sites, other ports, and junk', () => {
    expect(originAllowed('https://evil.example', 'localhost:8080', defaults)).toBe(false);
    expect(originAllowed('http://localhost:9999', 'localhost:8080', defaults)).toBe(false);
    expect(originAllowed('https://canvas.example.org.evil.example', 'x', defaults)).toBe(false);
    expect(originAllowed('null', 'localhost:8080', defaults)).toBe(false);
    expect(originAllowed('file://', 'localhost:8080', defaults)).toBe(false);
    expect(originAllowed('', 'localhost:8080', defaults)).toBe(false);
  });

  it('uses only the configured list when one is given', () => {
    const policy = { allowed: ['https://a.example', 'http://b.example:8080'], publicOrigin: undefined };
    expect(originAllowed('https://a.example', 'server:1', policy)).toBe(true);
    expect(originAllowed('http://b.example:8080', 'server:1', policy)).toBe(true);
    expect(originAllowed('http://server:1', 'server:1', policy)).toBe(false);
  });
});
