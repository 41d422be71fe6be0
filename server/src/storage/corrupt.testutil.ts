import { readFileSync, writeFileSync } from 'node:fs';

/** Overwrite the middle of every b-tree page after the first with garbage (the header page stays readable). */
export function corruptPages(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  for (let page = 1; page * pageSize < bytes.length; page++) {
    bytes.fill(0xa5, page * pageSize + 8, page * pageSize + pageSize / 2);
  }
  writeFileSync(file, bytes);
}
