import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { z } from 'zod';
import type { RateLimitSettings } from './sync/limits';

/**
 * Every setting of the server, read from the environment once at start-up.
 * Each variable carries its own description and default, so the README table
 * (`CONFIG_VARIABLES`) can never drift from what the code accepts.
 */

const MiB = 1024 * 1024;

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const envSchema = z.object({
  PORT: integer(0, 65_535).default(8080).describe('TCP port for the HTTP API, the app and WebSocket sync (0 = any free port).'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Directory of the SQLite database (created if missing).'),
  STORAGE: z
    .enum(['sqlite', 'postgres', 'memory'], { error: 'must be sqlite, postgres or memory' })
    .default('sqlite')
    .describe('Where boards are stored: the embedded SQLite file, PostgreSQL (DATABASE_URL) shared by several nodes, or memory (nothing kept after a restart; demos and benchmarks).'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe('PostgreSQL connection URL, required when STORAGE=postgres.'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('public')
    .describe('PostgreSQL schema holding the tables (created if missing).'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional()
    .describe('Redis for several nodes serving the same boards (needs STORAGE=postgres): each node publishes the changes and presence it accepts, and applies the others\'. Unset = one process.'),
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, ".", "_" or "-"')
    .default('pc')
    .describe('Prefix of the Redis channels; the nodes of one deployment share it, another deployment on the same Redis uses another.'),
  FANOUT_RESYNC_MS: integer(100, 600_000)
    .default(2000)
    .describe('How often each node announces its state of every loaded board (and a heartbeat) to the others; a node that missed a message catches up within this period.'),
  FANOUT_NODE_TIMEOUT_MS: integer(500, 3600_000)
    .default(10_000)
    .describe('A node not heard from for this long is taken as gone: its clients leave the others\' presence and what it stored is read back.'),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, "_" or "-"')
    .optional()
    .describe('Name of this node in logs and between nodes (default: random at each start, which is what a restarted node should be).'),
  WS_URLS: z
    .string()
    .regex(/^\s*wss?:\/\/[^\s,]+(\s*,\s*wss?:\/\/[^\s,]+)*\s*$/, 'must be a comma-separated list of ws(s):// URLs ending in /ws')
    .optional()
    .describe('Sync addresses of every node (e.g. wss://a.example.org/ws,wss://b.example.org/ws), given to clients so they move to another node when theirs fails. Unset = the page\'s own host (a load balancer, or one process).'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level; logs are JSON lines on stdout.'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL like https://canvas.example.org' })
    .optional()
    .describe('Base URL used in the share links returned by POST /api/boards (default http://localhost:PORT).'),
  STATIC_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Directory of the built client served at / (default client/dist in the repository).'),
  MAX_MESSAGE_BYTES: integer(1024, 1024 * MiB)
    .default(32 * MiB)
    .describe('Largest WebSocket message accepted (ws maxPayload); a large board\'s first sync must fit. Larger -> close 1009.'),
  MAX_JSON_BYTES: integer(64, 16 * MiB).default(16 * 1024).describe('Largest JSON request body; larger -> HTTP 413.'),
  MAX_SEND_BUFFER_BYTES: integer(64 * 1024, 1024 * MiB)
    .default(64 * MiB)
    .describe('Unsent data one connection may pile up (a client on a stalled network) before it is dropped; it reconnects and catches up by sync.'),
  UNLOAD_DELAY_MS: integer(0, 24 * 3600_000)
    .default(5000)
    .describe('How long a board with no connections stays in memory before it is flushed, compacted and freed.'),
  COMPACT_EVERY: integer(1, 1_000_000)
    .default(500)
    .describe('Stored updates of a board between two background compactions into a snapshot.'),
  FLUSH_INTERVAL_MS: integer(0, 60_000)
    .default(20)
    .describe('Group-commit window: accepted updates are written in one transaction at most this often (keep <= 50).'),
  SYNC_BATCH_MS: integer(0, 1000)
    .default(16)
    .describe('Minimum time between two document broadcasts of one room: the first change after a quiet spell goes out at once, later ones are merged into one message per window (0 = once per event-loop turn).'),
  AWARENESS_INTERVAL_MS: integer(0, 10_000)
    .default(50)
    .describe('Minimum time between two presence broadcasts of one room (50 = at most 20 per second).'),
  MAX_UPDATE_BYTES: integer(1024, 1024 * MiB)
    .default(1 * MiB)
    .describe('Largest document update message; larger -> close 1009. Offline catch-up (sync step 2) is bounded by MAX_MESSAGE_BYTES instead.'),
  MAX_BOARD_BYTES: integer(64 * 1024, 16 * 1024 * MiB)
    .default(64 * MiB)
    .describe('Quota on one board\'s stored state: an update that would take it beyond is refused (close 1008) before it is applied.'),
  CONTENT_GATE: z
    .enum(['on', 'off'], { error: 'must be on or off' })
    .default('on')
    .describe('Check every update against the board format (and owner-only settings) before applying it. off is for benchmarks measuring its cost only.'),
  RATE_UPDATES_PER_SECOND: integer(1, 1_000_000)
    .default(100)
    .describe('Document updates a second one connection may send (token bucket holding RATE_BURST_SECONDS of it); more -> close 1008.'),
  RATE_BYTES_PER_SECOND: integer(1024, 1024 * MiB)
    .default(1 * MiB)
    .describe('Bytes of document updates a second one connection may send; more -> close 1008.'),
  RATE_BOARD_UPDATES_PER_SECOND: integer(1, 10_000_000)
    .default(2000)
    .describe('Document updates a second one board accepts from all its connections together; the sender over it is closed with 1008.'),
  RATE_BOARD_BYTES_PER_SECOND: integer(1024, 1024 * MiB)
    .default(8 * MiB)
    .describe('Bytes of document updates a second one board accepts from all its connections together.'),
  RATE_SYNC_REQUESTS_PER_MINUTE: integer(1, 100_000)
    .default(20)
    .describe('Sync messages (step 1 or 2; a client sends one of each per connection) one connection may send a minute; more -> close 1008.'),
  RATE_PRESENCE_PER_SECOND: integer(1, 100_000)
    .default(60)
    .describe('Presence (awareness) messages a second one connection may send (a stock client also echoes each presence broadcast it gets, up to 20 a second); more -> close 1008.'),
  RATE_BURST_SECONDS: integer(1, 3600)
    .default(5)
    .describe('Each rate bucket holds this many seconds of its rate, so short bursts pass.'),
  MAX_PRESENCE_BYTES: integer(64, 1024 * 1024)
    .default(4096)
    .describe('Largest presence state (cursor, selection, name) one client may publish; larger -> close 1008.'),
  MAX_PRESENCE_CLIENTS: integer(1, 1000)
    .default(4)
    .describe('Presence client ids one connection may introduce (a browser tab uses one).'),
  ALLOWED_ORIGINS: z
    .string()
    .regex(/^\s*https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*\s*$/, 'must be a comma-separated list of origins like https://canvas.example.org')
    .optional()
    .describe('Browser origins allowed to open WebSocket sync connections, comma-separated (default: PUBLIC_URL\'s origin plus the origin of the host the request was made to). Clients that send no Origin header (not browsers) are always allowed.'),
  METRICS_PORT: integer(1, 65_535)
    .optional()
    .describe('Serve Prometheus metrics at /metrics on this separate port (bind it to a private network); unset = no metrics endpoint.'),
  MAX_CONNECTIONS_PER_BOARD: integer(1, 1_000_000)
    .default(500)
    .describe('Open WebSocket connections one board accepts; past it a new one is closed with 1013 (try again later).'),
  MAX_CONNECTIONS_PER_IP: integer(1, 1_000_000)
    .default(200)
    .describe('Open WebSocket connections from one client address (a venue behind one router shares it); past it a new one is closed with 1013.'),
  TRUST_PROXY_HOPS: integer(0, 10)
    .default(0)
    .describe('Proxies (load balancers) in front of the server that append the client address to X-Forwarded-For; per-address limits then use the address the nearest trusted proxy saw. 0 = ignore the header (direct connections).'),
  BOARD_CREATIONS_PER_IP_PER_HOUR: integer(0, 1_000_000)
    .default(30)
    .describe('Boards one client address may create or restore per hour; past it HTTP 429 (0 = no limit).'),
  REVIEW_POINT_SAVES_PER_BOARD_PER_HOUR: integer(0, 1_000_000)
    .default(60)
    .describe('Review points one board may save per hour (each stores a full copy of the board); past it HTTP 429 (0 = no limit).'),
  REVIEW_POINT_SAVES_PER_LINK_PER_HOUR: integer(0, 1_000_000)
    .default(30)
    .describe('Review points one share link (the owner, edit or view link of a board) may save per hour, a restore counting too; past it HTTP 429 (0 = no limit).'),
  COMPARISONS_PER_BOARD_PER_MINUTE: integer(0, 1_000_000)
    .default(120)
    .describe('Review point comparisons one board may answer per minute, whoever asks; past it HTTP 429 (0 = no limit).'),
  COMPARISONS_PER_LINK_PER_MINUTE: integer(0, 1_000_000)
    .default(60)
    .describe('Review point comparisons one share link may ask for per minute; past it HTTP 429 (0 = no limit).'),
  COMPARISONS_PER_IP_PER_MINUTE: integer(0, 1_000_000)
    .default(60)
    .describe('Review point comparisons (GET …/snapshots/:sid/diff, which loads two whole boards) one client address may ask for per minute; past it HTTP 429 (0 = no limit).'),
  PDF_EXPORTS_PER_IP_PER_MINUTE: integer(0, 1_000_000)
    .default(10)
    .describe('PDF review packs one client address may ask for per minute (each is laid out and drawn on the server); past it HTTP 429 (0 = no limit).'),
  MAX_PDF_PAGES: integer(5, 10_000)
    .default(300)
    .describe('Largest PDF review pack, in pages; a board that needs more gets HTTP 413 (export CSV instead).'),
  PDF_FONT: z
    .string()
    .min(1)
    .optional()
    .describe('A TrueType font with wide Unicode coverage for PDF packs; the server refuses to start when the file is missing or unreadable (default: DejaVu Sans from fonts-dejavu-core, else Liberation Sans; without either, the standard Helvetica and characters outside Latin-1 shown as their base letter).'),
  MAX_IMPORT_BYTES: integer(64, 64 * MiB)
    .default(2 * MiB)
    .describe('Largest CSV body POST /api/boards/:id/import accepts; larger -> HTTP 413.'),
  MAX_RESTORE_BYTES: integer(1024, 1024 * MiB)
    .default(32 * MiB)
    .describe('Largest backup accepted by POST /api/boards/restore; larger -> HTTP 413.'),
  MAX_QUEUED_UPDATES: integer(10, 10_000_000)
    .default(10_000)
    .describe('Updates held in memory while storage fails; past it boards refuse edits (close 1013, clients keep them and resend) and /healthz answers 503.'),
  PING_INTERVAL_MS: integer(1000, 3600_000)
    .default(30_000)
    .describe('WebSocket ping interval; a connection that missed one pong is dropped.'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  storage: Env['STORAGE'];
  databaseUrl: string | undefined;
  databaseSchema: string;
  redisUrl: string | undefined;
  redisChannelPrefix: string;
  fanoutResyncMs: number;
  fanoutNodeTimeoutMs: number;
  nodeId: string | undefined;
  /** Sync URLs of every node, for client failover; undefined = the page's own host. */
  wsUrls: string[] | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** Without a trailing slash; undefined means "http://localhost:<real port>". */
  publicUrl: string | undefined;
  staticDir: string | undefined;
  maxMessageBytes: number;
  maxJsonBytes: number;
  maxSendBufferBytes: number;
  unloadDelayMs: number;
  compactEvery: number;
  flushIntervalMs: number;
  syncBatchMs: number;
  awarenessIntervalMs: number;
  pingIntervalMs: number;
  maxUpdateBytes: number;
  maxBoardBytes: number;
  contentGate: boolean;
  rateLimits: RateLimitSettings;
  maxPresenceBytes: number;
  maxPresenceClients: number;
  /** Extra allowed browser origins; undefined means PUBLIC_URL's origin plus same-host. */
  allowedOrigins: string[] | undefined;
  metricsPort: number | undefined;
  maxConnectionsPerBoard: number;
  maxConnectionsPerIp: number;
  trustProxyHops: number;
  boardCreationsPerIpPerHour: number;
  maxRestoreBytes: number;
  maxImportBytes: number;
  maxQueuedUpdates: number;
  reviewPointSavesPerBoardPerHour: number;
  reviewPointSavesPerLinkPerHour: number;
  comparisonsPerBoardPerMinute: number;
  comparisonsPerLinkPerMinute: number;
  comparisonsPerIpPerMinute: number;
  pdfExportsPerIpPerMinute: number;
  maxPdfPages: number;
  pdfFont: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Why the configured PDF font cannot be used, or undefined when it is a readable file. */
function fontFileProblem(path: string): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return 'no such file; give the path of a TrueType font (.ttf), or leave PDF_FONT unset to use the default';
  }
  if (!isFile) return 'not a file; give the path of a TrueType font (.ttf)';
  try {
    accessSync(path, fsConstants.R_OK);
  } catch {
    return 'the server may not read this file; check its permissions';
  }
  return undefined;
}

/** Parse the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PUBLIC_URL=`) means "not set", as in most shells' .env files.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.STORAGE === 'postgres' && !e.DATABASE_URL) {
    throw new ConfigError(['DATABASE_URL="": required when STORAGE=postgres (e.g. postgres://user@host:5432/db)']);
  }
  if (e.REDIS_URL && e.STORAGE !== 'postgres') {
    throw new ConfigError([`REDIS_URL=${JSON.stringify(e.REDIS_URL)}: several nodes need shared storage; set STORAGE=postgres and DATABASE_URL`]);
  }
  if (e.PDF_FONT) {
    const problem = fontFileProblem(e.PDF_FONT);
    if (problem) throw new ConfigError([`PDF_FONT=${JSON.stringify(e.PDF_FONT)}: ${problem}`]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    storage: e.STORAGE,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    redisChannelPrefix: e.REDIS_CHANNEL_PREFIX,
    fanoutResyncMs: e.FANOUT_RESYNC_MS,
    fanoutNodeTimeoutMs: e.FANOUT_NODE_TIMEOUT_MS,
    nodeId: e.NODE_ID,
    wsUrls: e.WS_URLS?.split(',').map((url) => url.trim().replace(/\/+$/, '')),
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    staticDir: e.STATIC_DIR,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxJsonBytes: e.MAX_JSON_BYTES,
    maxSendBufferBytes: e.MAX_SEND_BUFFER_BYTES,
    unloadDelayMs: e.UNLOAD_DELAY_MS,
    compactEvery: e.COMPACT_EVERY,
    flushIntervalMs: e.FLUSH_INTERVAL_MS,
    syncBatchMs: e.SYNC_BATCH_MS,
    awarenessIntervalMs: e.AWARENESS_INTERVAL_MS,
    pingIntervalMs: e.PING_INTERVAL_MS,
    maxUpdateBytes: e.MAX_UPDATE_BYTES,
    maxBoardBytes: e.MAX_BOARD_BYTES,
    contentGate: e.CONTENT_GATE === 'on',
    rateLimits: {
      connectionUpdatesPerSecond: e.RATE_UPDATES_PER_SECOND,
      connectionBytesPerSecond: e.RATE_BYTES_PER_SECOND,
      boardUpdatesPerSecond: e.RATE_BOARD_UPDATES_PER_SECOND,
      boardBytesPerSecond: e.RATE_BOARD_BYTES_PER_SECOND,
      syncRequestsPerMinute: e.RATE_SYNC_REQUESTS_PER_MINUTE,
      presencePerSecond: e.RATE_PRESENCE_PER_SECOND,
      burstSeconds: e.RATE_BURST_SECONDS,
    },
    maxPresenceBytes: e.MAX_PRESENCE_BYTES,
    maxPresenceClients: e.MAX_PRESENCE_CLIENTS,
    allowedOrigins: e.ALLOWED_ORIGINS?.split(',').map((origin) => new URL(origin.trim()).origin),
    metricsPort: e.METRICS_PORT,
    maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
    maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    boardCreationsPerIpPerHour: e.BOARD_CREATIONS_PER_IP_PER_HOUR,
    maxRestoreBytes: e.MAX_RESTORE_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    maxQueuedUpdates: e.MAX_QUEUED_UPDATES,
    reviewPointSavesPerBoardPerHour: e.REVIEW_POINT_SAVES_PER_BOARD_PER_HOUR,
    reviewPointSavesPerLinkPerHour: e.REVIEW_POINT_SAVES_PER_LINK_PER_HOUR,
    comparisonsPerBoardPerMinute: e.COMPARISONS_PER_BOARD_PER_MINUTE,
    comparisonsPerLinkPerMinute: e.COMPARISONS_PER_LINK_PER_MINUTE,
    comparisonsPerIpPerMinute: e.COMPARISONS_PER_IP_PER_MINUTE,
    pdfExportsPerIpPerMinute: e.PDF_EXPORTS_PER_IP_PER_MINUTE,
    maxPdfPages: e.MAX_PDF_PAGES,
    pdfFont: e.PDF_FONT,
  };
}

export interface ConfigVariable {
  name: keyof Env;
  description: string;
  default: string | undefined;
}

/** The documented list of variables, defaults taken from the schema itself. */
export const CONFIG_VARIABLES: ConfigVariable[] = Object.entries(envSchema.shape).map(([name, schema]) => {
  const fallback = schema.safeParse(undefined);
  return {
    name: name as keyof Env,
    description: schema.description ?? '',
    default: fallback.success && fallback.data !== undefined ? String(fallback.data) : undefined,
  };
});
