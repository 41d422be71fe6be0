import { MemoryBoardStore } from './memory';
import { describeBoardStore } from './storeContract.testutil';

describeBoardStore('MemoryBoardStore', async () => {
  // Memory lives as long as the process: "reopening" is the same store, as with the same database file.
  const store = new MemoryBoardStore();
  return { open: async () => store, dispose: async () => undefined };
});
