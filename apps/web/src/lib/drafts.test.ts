import { beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from './drafts';

describe('DraftStore', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a draft per room, judge and bid until it is cleared', () => {
    const mine = new DraftStore('room-1', 'judge-a');
    mine.write('bid-1', { scores: { technical: 8, team: null }, comment: '样机计划' });
    mine.write('bid-2', { scores: { technical: 5 }, comment: '' });
    // Another judge on the same tablet, and the same judge in another room, see nothing of it.
    expect(new DraftStore('room-1', 'judge-b').read('bid-1')).toBeNull();
    expect(new DraftStore('room-2', 'judge-a').read('bid-1')).toBeNull();
    // A new store (a reload) reads what was typed.
    expect(new DraftStore('room-1', 'judge-a').read('bid-1')).toEqual({ scores: { technical: 8, team: null }, comment: '样机计划' });
    expect(mine.bidsWithDrafts()).toEqual(new Set(['bid-1', 'bid-2']));
    mine.clear('bid-1');
    expect(mine.read('bid-1')).toBeNull();
    expect(mine.bidsWithDrafts()).toEqual(new Set(['bid-2']));
  });

  it('ignores a stored value that is not a draft', () => {
    localStorage.setItem('jiebang.draft.room-1.judge-a.bid-1', '{not json');
    localStorage.setItem('jiebang.draft.room-1.judge-a.bid-2', JSON.stringify({ scores: null }));
    const store = new DraftStore('room-1', 'judge-a');
    expect(store.read('bid-1')).toBeNull();
    expect(store.read('bid-2')).toBeNull();
  });
});
