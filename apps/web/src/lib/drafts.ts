import type { Scores } from './scoring';

/** A judge's unsubmitted sheet of one bid: what they typed, kept until it is submitted or the bid is locked. */
export interface Draft {
  scores: Scores;
  comment: string;
}

const PREFIX = 'jiebang.draft';

/**
 * Drafts live in localStorage, one per room, judge and bid, so they survive the chair moving on,
 * a reload, a dropped connection and a browser restart. Keyed by the judge as well: two judges
 * sharing a tablet never see each other's input.
 */
export class DraftStore {
  constructor(
    private readonly roomId: string,
    private readonly judgeId: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private key(bidId: string): string {
    return `${PREFIX}.${this.roomId}.${this.judgeId}.${bidId}`;
  }

  read(bidId: string): Draft | null {
    const raw = this.storage.getItem(this.key(bidId));
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<Draft>;
      if (typeof parsed.scores !== 'object' || parsed.scores === null) return null;
      return { scores: parsed.scores, comment: typeof parsed.comment === 'string' ? parsed.comment : '' };
    } catch {
      return null;
    }
  }

  write(bidId: string, draft: Draft): void {
    try {
      this.storage.setItem(this.key(bidId), JSON.stringify(draft));
    } catch {
      // A full or disabled storage keeps the draft in the page only; submitting still works.
    }
  }

  clear(bidId: string): void {
    this.storage.removeItem(this.key(bidId));
  }

  /** Bids of this room with a draft of this judge. */
  bidsWithDrafts(): Set<string> {
    const prefix = `${PREFIX}.${this.roomId}.${this.judgeId}.`;
    const bids = new Set<string>();
    for (let i = 0; i < this.storage.length; i += 1) {
      const key = this.storage.key(i);
      if (key?.startsWith(prefix)) bids.add(key.slice(prefix.length));
    }
    return bids;
  }
}
