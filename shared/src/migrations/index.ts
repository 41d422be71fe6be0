import type * as Y from 'yjs';
import { initialiseMeta } from './001-initialise-meta';
import { canvasItemOrder } from './002-canvas-item-order';
import { stakeholderUnassessedDefaults } from './003-stakeholder-unassessed-defaults';
import { healthChecklist } from './004-health-checklist';
import { repairBoardDoc, type BoardDefaults } from '../doc/repair';
import { migrateDoc, type Migration, type MigrationResult } from './runner';

export * from './runner';

/** Every migration, in order. Append only: never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [initialiseMeta, canvasItemOrder, stakeholderUnassessedDefaults, healthChecklist];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

export function migrateBoardDoc(doc: Y.Doc): MigrationResult {
  return migrateDoc(doc, MIGRATIONS);
}

export interface OpenReport {
  /** Problems the repair step fixed (see repairBoardDoc). */
  repaired: string[];
  migration: MigrationResult;
}

/**
 * Everything the server does to a document it has just loaded, before anyone
 * sees it: repair what no reader can use, then migrate. Never throws on
 * content, so one bad record (or a tampered `meta`) cannot keep a board shut.
 */
export function openBoardDoc(doc: Y.Doc, defaults: BoardDefaults): OpenReport {
  const repaired = repairBoardDoc(doc, defaults, CURRENT_SCHEMA_VERSION);
  return { repaired, migration: migrateBoardDoc(doc) };
}
