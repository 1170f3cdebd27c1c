import { describe, expect, it } from 'vitest';
import { EMPTY_PERIODS, FileStabilityTracker } from './file-stability-tracker.ts';

function setup(stableMs = 1000) {
  let t = 0;
  const tracker = new FileStabilityTracker(stableMs, () => t);
  return { tracker, advance: (ms: number) => (t += ms) };
}

describe('FileStabilityTracker', () => {
  it('settles a file once it has been quiet for the whole period', () => {
    const { tracker, advance } = setup();
    tracker.observe('a.pdf', { size: 100, mtimeMs: 1 });
    advance(999);
    expect(tracker.takeSettled()).toEqual([]);
    advance(1);
    expect(tracker.takeSettled()).toEqual(['a.pdf']);
    expect(tracker.takeSettled()).toEqual([]);
  });

  it('restarts the period while the file grows', () => {
    const { tracker, advance } = setup();
    tracker.observe('a.pdf', { size: 100, mtimeMs: 1 });
    advance(800);
    tracker.observe('a.pdf', { size: 200, mtimeMs: 2 });
    advance(800);
    expect(tracker.takeSettled()).toEqual([]);
    tracker.observe('a.pdf', { size: 200, mtimeMs: 2 }); // unchanged: the period keeps running
    advance(200);
    expect(tracker.takeSettled()).toEqual(['a.pdf']);
  });

  it('notices a rewrite of the same size by its modification time', () => {
    const { tracker, advance } = setup();
    tracker.observe('a.pdf', { size: 100, mtimeMs: 1 });
    advance(900);
    tracker.observe('a.pdf', { size: 100, mtimeMs: 5 });
    advance(900);
    expect(tracker.takeSettled()).toEqual([]);
  });

  it('settles an empty file only after it stays empty for many periods', () => {
    const { tracker, advance } = setup();
    tracker.observe('empty.pdf', { size: 0, mtimeMs: 1 });
    advance(1000 * EMPTY_PERIODS - 1);
    expect(tracker.takeSettled()).toEqual([]);
    expect(tracker.pending()).toEqual(['empty.pdf']);
    advance(1);
    expect(tracker.takeSettled()).toEqual(['empty.pdf']);
  });

  it('restarts the wait when an empty file starts to fill', () => {
    const { tracker, advance } = setup();
    tracker.observe('a.pdf', { size: 0, mtimeMs: 1 });
    advance(1000 * EMPTY_PERIODS - 100);
    tracker.observe('a.pdf', { size: 10, mtimeMs: 2 });
    advance(999);
    expect(tracker.takeSettled()).toEqual([]);
    advance(1);
    expect(tracker.takeSettled()).toEqual(['a.pdf']);
  });

  it('tracks files independently and forgets removed ones', () => {
    const { tracker, advance } = setup();
    tracker.observe('a', { size: 1, mtimeMs: 1 });
    advance(500);
    tracker.observe('b', { size: 1, mtimeMs: 1 });
    tracker.observe('gone', { size: 1, mtimeMs: 1 });
    tracker.forget('gone');
    advance(500);
    expect(tracker.takeSettled()).toEqual(['a']);
    advance(500);
    expect(tracker.takeSettled()).toEqual(['b']);
  });
});
