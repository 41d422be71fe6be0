import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteBoardStore } from './sqlite';
import { describeBoardStore } from './storeContract.testutil';

describeBoardStore('SqliteBoardStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
  return {
    open: async () => new SqliteBoardStore(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
