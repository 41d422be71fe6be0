import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for every setting', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      logLevel: 'info',
      publicUrl: undefined,
      maxMessageBytes: 32 * 1024 * 1024,
      maxJsonBytes: 16 * 1024,
      unloadDelayMs: 5000,
      compactEvery: 500,
      flushIntervalMs: 20,
    });
  });

  it('reads and coerces the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/pc',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'https://canvas.example.org/',
      MAX_MESSAGE_BYTES: '4096',
      UNLOAD_DELAY_MS: '0',
      COMPACT_EVERY: '10',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/tmp/pc',
      logLevel: 'warn',
      publicUrl: 'https://canvas.example.org',
      maxMessageBytes: 4096,
      unloadDelayMs: 0,
      compactEvery: 10,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PUBLIC_URL: '', PORT: ' ' }).port).toBe(8080);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x', COMPACT_EVERY: '0', MAX_JSON_BYTES: '1.5' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'PUBLIC_URL', 'COMPACT_EVERY', 'MAX_JSON_BYTES']) {
      expect(problems).toContain(`${name}=`);
    }
    expect(problems).toMatch(/PORT="eighty": must be a number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT.*at most 65535/);
  });

  it('documents every variable with its default', () => {
    const byName = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v]));
    expect(byName.PORT).toMatchObject({ default: '8080' });
    expect(byName.PUBLIC_URL?.default).toBeUndefined();
    for (const variable of CONFIG_VARIABLES) expect(variable.description.length).toBeGreaterThan(10);
  });

  it('reads the hardening settings: origins, metrics port and limits', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://a.example/, http://b.example:8080', METRICS_PORT: '9464', MAX_CONNECTIONS_PER_IP: '5' });
    expect(config.allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.metricsPort).toBe(9464);
    expect(config.maxConnectionsPerIp).toBe(5);
    expect(loadConfig({})).toMatchObject({ allowedOrigins: undefined, metricsPort: undefined, maxConnectionsPerBoard: 500, boardCreationsPerIpPerHour: 30 });
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'evil; script-src *' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('reads the settings of several nodes, and refuses Redis without shared storage', () => {
    const config = loadConfig({
      STORAGE: 'postgres',
      DATABASE_URL: 'postgres://canvas@db:5432/canvas',
      REDIS_URL: 'redis://redis:6379',
      FANOUT_RESYNC_MS: '1500',
      WS_URLS: 'wss://a.example.org/ws/, wss://b.example.org/ws',
    });
    expect(config).toMatchObject({
      redisUrl: 'redis://redis:6379',
      redisChannelPrefix: 'pc',
      fanoutResyncMs: 1500,
      fanoutNodeTimeoutMs: 10_000,
      wsUrls: ['wss://a.example.org/ws', 'wss://b.example.org/ws'],
    });
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'redis://redis:6379' })).toThrow(/several nodes need shared storage; set STORAGE=postgres/);
    expect(() => loadConfig({ WS_URLS: 'https://a.example.org/ws' })).toThrow(/WS_URLS/);
    expect(() => loadConfig({ REDIS_URL: 'http://redis' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ FANOUT_RESYNC_MS: '5' })).toThrow(/FANOUT_RESYNC_MS/);
  });

  it('refuses to start when PDF_FONT is missing, a folder or unreadable, and accepts a readable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-font-'));
    try {
      const font = join(dir, 'Font.ttf');
      writeFileSync(font, 'not really a font, but a readable file');
      expect(loadConfig({ PDF_FONT: font }).pdfFont).toBe(font);
      expect(loadConfig({}).pdfFont).toBeUndefined();
      expect(() => loadConfig({ PDF_FONT: join(dir, 'Missing.ttf') })).toThrow(ConfigError);
      expect(() => loadConfig({ PDF_FONT: join(dir, 'Missing.ttf') })).toThrow(/PDF_FONT=".*Missing\.ttf": no such file/);
      expect(() => loadConfig({ PDF_FONT: dir })).toThrow(/PDF_FONT=.*not a file/);
      chmodSync(font, 0o000);
      // root reads any file whatever its mode; the check only means something for other users.
      if (process.getuid?.() !== 0) expect(() => loadConfig({ PDF_FONT: font })).toThrow(/PDF_FONT=.*may not read this file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the review limits per link and per board', () => {
    expect(loadConfig({})).toMatchObject({ reviewPointSavesPerLinkPerHour: 30, comparisonsPerBoardPerMinute: 120, comparisonsPerLinkPerMinute: 60 });
    expect(loadConfig({ REVIEW_POINT_SAVES_PER_LINK_PER_HOUR: '5', COMPARISONS_PER_BOARD_PER_MINUTE: '0', COMPARISONS_PER_LINK_PER_MINUTE: '7' })).toMatchObject({
      reviewPointSavesPerLinkPerHour: 5,
      comparisonsPerBoardPerMinute: 0,
      comparisonsPerLinkPerMinute: 7,
    });
  });
});
