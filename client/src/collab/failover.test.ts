import { describe, expect, it } from 'vitest';
import { cleanSyncUrls, nextSyncUrl } from './failover';

describe('sync failover', () => {
  const urls = ['wss://a.example.org/ws', 'wss://b.example.org/ws', 'wss://c.example.org/ws'];

  it('moves to the next node, round the list', () => {
    expect(nextSyncUrl(urls, 'wss://a.example.org/ws')).toBe('wss://b.example.org/ws');
    expect(nextSyncUrl(urls, 'wss://c.example.org/ws/')).toBe('wss://a.example.org/ws');
  });

  it('starts at the first node when the current one is not listed (the page host), and stays put without a list', () => {
    expect(nextSyncUrl(urls, 'wss://canvas.example.org/ws')).toBe('wss://a.example.org/ws');
    expect(nextSyncUrl([], 'wss://canvas.example.org/ws')).toBe('wss://canvas.example.org/ws');
  });

  it('keeps only ws(s) URLs from what the server sent', () => {
    expect(cleanSyncUrls(['ws://a/ws/', 'javascript:alert(1)', 42, 'ws://a/ws', 'wss://b/ws'])).toEqual(['ws://a/ws', 'wss://b/ws']);
    expect(cleanSyncUrls('ws://a/ws')).toEqual([]);
    expect(cleanSyncUrls(undefined)).toEqual([]);
  });
});
