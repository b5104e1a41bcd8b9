// A progress line on stderr for long runs — only when stderr is a terminal (never in a pipe or a log), and
// only once a run has lasted long enough to need one.
export class Progress {
  private shownAt = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private readonly delayMs = 400,
  ) {}

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs && done < total) return;
    if (this.drawn && now - this.shownAt < 80 && done < total) return;
    this.shownAt = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.write(`\r\u001b[2K${label} ${bar} ${done}/${total}`);
    this.drawn = true;
  }

  /** A phase without a count (the engine): shown as a line of its own words. */
  phase(label: string): void {
    if (!this.enabled || Date.now() - this.started < this.delayMs) return;
    this.write(`\r\u001b[2K${label}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.write('\r\u001b[2K');
    this.drawn = false;
  }
}
