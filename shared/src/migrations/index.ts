import type * as Y from 'yjs';
import { initialiseMeta } from './001-initialise-meta';
import { canvasItemOrder } from './002-canvas-item-order';
import { stakeholderUnassessedDefaults } from './003-stakeholder-unassessed-defaults';
import { migrateDoc, type Migration, type MigrationResult } from './runner';

export * from './runner';

/** Every migration, in order. Append only: never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [initialiseMeta, canvasItemOrder, stakeholderUnassessedDefaults];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

export function migrateBoardDoc(doc: Y.Doc): MigrationResult {
  return migrateDoc(doc, MIGRATIONS);
}
