import * as Y from 'yjs';
import { getMetaMap } from '../doc/meta';

/** One step that brings a board document from `version - 1` to `version`. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Must be idempotent: two servers may run it on the same document
   * concurrently. Must not throw on content: a value of the wrong type is
   * skipped and described through `report`.
   */
  up(doc: Y.Doc, report: (problem: string) => void): void;
}

export class FutureSchemaError extends Error {
  constructor(
    readonly documentVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `This board was saved by a newer version of Partnership Canvas (schema ${documentVersion}; this one knows ${supportedVersion}). Reload to update.`,
    );
    this.name = 'FutureSchemaError';
  }
}

export const MIGRATION_ORIGIN = Symbol('migration');

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
  /** Values the steps skipped because they had the wrong type (for the log). */
  skipped: string[];
}

export function schemaVersionOf(doc: Y.Doc): number {
  const value = getMetaMap(doc).get('schemaVersion');
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Check a migration list is 1, 2, 3, ... with no gaps, so a typo cannot skip a step. */
export function assertSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

/** Apply every migration newer than the document's schemaVersion, in one transaction. */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[]): MigrationResult {
  assertSequence(migrations);
  const latest = migrations.length;
  const from = schemaVersionOf(doc);
  if (from > latest) throw new FutureSchemaError(from, latest);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], skipped: [] };
  const skipped: string[] = [];
  doc.transact(() => {
    for (const migration of pending) migration.up(doc, (problem) => skipped.push(`${migration.name}: ${problem}`));
    getMetaMap(doc).set('schemaVersion', latest);
  }, MIGRATION_ORIGIN);
  return { from, to: latest, applied: pending.map((migration) => migration.name), skipped };
}
