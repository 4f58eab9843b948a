/**
 * Which relay events are fully handled, in id order: an event is done once its hint ran (or it
 * needed none). The persisted cursor may only move over an unbroken run of done events, so a
 * crash never skips one whose hint was still waiting; those are simply taken again.
 */
export class Progress {
  private readonly open: number[] = [];
  private readonly done = new Set<number>();

  constructor(private last: number) {}

  /** The highest id with every id up to it done. */
  get cursor(): number {
    return this.last;
  }

  /** Ids must come in increasing order (the relay's order). */
  begin(id: number): void {
    this.open.push(id);
  }

  /** Answers the new cursor when it moved. */
  finish(id: number): number | undefined {
    this.done.add(id);
    let moved = false;
    while (this.open.length > 0 && this.done.has(this.open[0]!)) {
      const first = this.open.shift()!;
      this.done.delete(first);
      this.last = first;
      moved = true;
    }
    return moved ? this.last : undefined;
  }
}
