/**
 * Open WebSocket connections per board and per client address. A board is
 * shared by link, so a leaked link (or a buggy script) must not be able to
 * open thousands of sockets and starve a workshop or the process.
 */
export type LimitRefusal = 'board-full' | 'address-full';

export interface ConnectionSlot {
  /** Give the slot back (idempotent). */
  release(): void;
}

export class ConnectionLimits {
  private readonly perBoard = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly maxPerBoard: number,
    private readonly maxPerAddress: number,
  ) {}

  /** Take a slot for one more connection, or say which limit it would pass. */
  acquire(boardId: string, address: string): ConnectionSlot | LimitRefusal {
    const board = this.perBoard.get(boardId) ?? 0;
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (board >= this.maxPerBoard) return 'board-full';
    if (fromAddress >= this.maxPerAddress) return 'address-full';
    this.perBoard.set(boardId, board + 1);
    this.perAddress.set(address, fromAddress + 1);
    return new Slot(this, boardId, address);
  }

  /** Called once per slot, by the slot. */
  free(boardId: string, address: string): void {
    decrement(this.perBoard, boardId);
    decrement(this.perAddress, address);
  }

  count(boardId: string): number {
    return this.perBoard.get(boardId) ?? 0;
  }
}

/** A plain object, not closures: one is kept for every open connection. */
class Slot implements ConnectionSlot {
  private released = false;

  constructor(
    private readonly limits: ConnectionLimits,
    private readonly boardId: string,
    private readonly address: string,
  ) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.limits.free(this.boardId, this.address);
  }
}

/** Counts at zero are removed, so the maps stay as small as the open connections. */
function decrement(map: Map<string, number>, key: string): void {
  const next = (map.get(key) ?? 0) - 1;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}
