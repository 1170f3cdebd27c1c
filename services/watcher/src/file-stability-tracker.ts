// Has a file finished being written? A file is settled once its size and modification time have not changed
// for `stableMs`. Copies over SMB or slow uploads grow for seconds; reading them early stores half a PDF.
// The clock is injected so the rule is tested without sleeping.

export interface FileState {
  size: number;
  mtimeMs: number;
}

interface Tracked extends FileState {
  changedAt: number;
}

/** How many quiet periods an empty file waits before it is settled. */
export const EMPTY_PERIODS = 15;

export class FileStabilityTracker {
  private readonly files = new Map<string, Tracked>();

  constructor(
    private readonly stableMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record what the file looks like now; any change restarts its quiet period. */
  observe(path: string, state: FileState): void {
    const seen = this.files.get(path);
    if (seen && seen.size === state.size && seen.mtimeMs === state.mtimeMs) return;
    this.files.set(path, { ...state, changedAt: this.now() });
  }

  /** Stop tracking (the file was removed, or has been handled). */
  forget(path: string): void {
    this.files.delete(path);
  }

  /** Paths still waiting to settle. */
  pending(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Paths quiet for at least stableMs, removed from tracking. An empty file is how most copies begin: it must
   * stay empty for EMPTY_PERIODS quiet periods before it counts as settled (and then fails as an empty file,
   * which is a clearer answer than silence).
   */
  takeSettled(): string[] {
    const now = this.now();
    const settled: string[] = [];
    for (const [path, f] of this.files) {
      if (now - f.changedAt >= (f.size > 0 ? this.stableMs : this.stableMs * EMPTY_PERIODS)) {
        settled.push(path);
        this.files.delete(path);
      }
    }
    return settled;
  }
}
