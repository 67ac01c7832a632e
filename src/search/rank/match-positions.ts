/**
 * Where each clause of a query matched one paragraph's text, gathered while it is scored, and the
 * narrowest window holding one match of each clause. One buffer serves every paragraph of every query:
 * scoring thousands of candidates allocates nothing per candidate.
 */

/** The matches of the paragraph being scored, clause by clause; begin() starts the next paragraph. */
export class MatchPositions {
  /** Each match as position × clauses + clause, so that sorting the numbers sorts by position. */
  private events = new Int32Array(256);
  private length = 0;
  private counts = new Int32Array(16);
  private clauses = 1;
  private clause = 0;
  /** The kept part's matches of the current clause: [clauseStart, keptEnd). */
  private clauseStart = 0;
  private keptEnd = 0;
  /** Clauses with at least one match kept. */
  matched = 0;

  /** Start gathering for one paragraph and a query of `clauses` clauses. */
  begin(clauses: number): void {
    this.clauses = clauses;
    this.clause = -1;
    this.length = this.clauseStart = this.keptEnd = 0;
    this.matched = 0;
    if (this.counts.length < clauses) this.counts = new Int32Array(clauses);
  }

  /** Start the next clause: the matches of its parts follow, one part at a time. */
  nextClause(): void {
    if (this.keptEnd > this.clauseStart) this.matched++;
    this.clause++;
    this.clauseStart = this.keptEnd = this.length;
  }

  add(position: number): void {
    if (this.length === this.events.length) {
      const grown = new Int32Array(this.events.length * 2);
      grown.set(this.events);
      this.events = grown;
    }
    this.events[this.length++] = position * this.clauses + this.clause;
  }

  /** The part just gathered becomes its clause's best: its matches replace those kept before. */
  keepPart(): void {
    this.events.copyWithin(this.clauseStart, this.keptEnd, this.length);
    this.length = this.keptEnd = this.clauseStart + (this.length - this.keptEnd);
  }

  /** The part just gathered is not its clause's best: its matches are dropped. */
  dropPart(): void {
    this.length = this.keptEnd;
  }

  /** End the last clause. */
  end(): void {
    this.nextClause();
  }

  /** The width in tokens of the narrowest window of the text holding a match of every matched clause. */
  narrowestWindow(): number {
    const { clauses, counts } = this;
    const events = this.events.subarray(0, this.length).sort();
    counts.fill(0, 0, clauses);
    let covered = 0;
    let best = Infinity;
    for (let lo = 0, hi = 0; hi < events.length; hi++) {
      if (counts[events[hi]! % clauses]!++ === 0) covered++;
      while (covered === this.matched) {
        best = Math.min(best, positionOf(events[hi]!, clauses) - positionOf(events[lo]!, clauses) + 1);
        if (--counts[events[lo]! % clauses]! === 0) covered--;
        lo++;
      }
    }
    return best;
  }
}

function positionOf(event: number, clauses: number): number {
  return (event - (event % clauses)) / clauses;
}
