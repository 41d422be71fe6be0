/** What the keepalive needs of a connection. */
export interface KeepaliveMember {
  /** Cleared when pinged, set again by its pong (or any message). */
  alive: boolean;
  ping(): void;
  terminate(): void;
}

/**
 * Pings every connection once per interval, spread over `slices` ticks rather
 * than all at once: pinging 2,000 sockets in one go stalled the event loop for
 * 60-70 ms every interval, which every update then waited behind. A connection
 * that did not answer its previous ping is dropped (e.g. a laptop lid closed).
 */
export class Keepalive<M extends KeepaliveMember> {
  private round: M[] = [];
  private next = 0;
  /** Ticks into the current round: a round lasts `slices` ticks (one interval), however few connections there are. */
  private tickInRound = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly members: ReadonlySet<M>,
    intervalMs: number,
    private readonly slices = 20,
  ) {
    this.timer = setInterval(() => this.tick(), Math.max(1, Math.floor(intervalMs / slices)));
    this.timer.unref();
  }

  /**
   * One slice: the next share of this round's connections. A round starts with
   * whoever is connected then and lasts the whole interval even when the share
   * per tick covers everyone at once, so a connection always has a full
   * interval to answer its ping.
   */
  tick(): void {
    if (this.tickInRound === 0) {
      this.round = [...this.members];
      this.next = 0;
    }
    this.tickInRound = (this.tickInRound + 1) % this.slices;
    const end = Math.min(this.round.length, this.next + Math.ceil(this.round.length / this.slices));
    for (; this.next < end; this.next++) {
      const member = this.round[this.next]!;
      if (!this.members.has(member)) continue;
      if (!member.alive) {
        member.terminate();
        continue;
      }
      member.alive = false;
      try {
        member.ping();
      } catch {
        member.terminate();
      }
    }
    if (this.next >= this.round.length) this.round = [];
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
