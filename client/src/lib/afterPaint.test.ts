import { describe, expect, it } from 'vitest';
import { afterQueuedTasks } from './afterPaint';

describe('afterQueuedTasks', () => {
  it('runs each task once, later than the code that asked, and not when cancelled', async () => {
    const ran: string[] = [];
    afterQueuedTasks(() => ran.push('a'));
    const cancel = afterQueuedTasks(() => ran.push('cancelled'));
    afterQueuedTasks(() => ran.push('b'));
    cancel();
    ran.push('now');
    await new Promise((done) => setTimeout(done, 20));
    expect(ran).toEqual(['now', 'a', 'b']);
    // Asked for again after a run: runs again.
    afterQueuedTasks(() => ran.push('c'));
    await new Promise((done) => setTimeout(done, 20));
    expect(ran).toEqual(['now', 'a', 'b', 'c']);
  });
});
