import { createHash } from 'node:crypto';
import { BidContent, bidContentHash, buildBidContent, MAX_PROPOSAL_BYTES, utf8Bytes } from './bid-receipt';

class MilestoneInput {
  constructor(
    readonly title: string,
    readonly dueDay: number,
    readonly deliverable: string,
    readonly paymentBasisPoints: number,
  ) {}
}

const CONTENT: BidContent = {
  challengeId: 'c-1',
  teamId: 't-1',
  revision: 1,
  technicalApproach: 'Edge inference on a low-power FPGA',
  proposal: '# 方案\n\nWe will ...',
  quotedPriceFen: 48_000_000,
  durationDays: 180,
  milestones: [{ title: 'Prototype', dueDay: 90, deliverable: 'Bench test report', paymentBasisPoints: 10_000 }],
  keyPersonnelUserIds: ['u-lead'],
  pledgedBy: 'u-lead',
};

describe('bid receipts', () => {
  it('builds plain data from class instances, dropping anything extra', () => {
    const input = { ...CONTENT, milestones: [new MilestoneInput('Prototype', 90, 'Bench test report', 10_000)], note: 'x' };
    const content = buildBidContent(input);
    expect(content).toEqual(CONTENT);
    expect(Object.getPrototypeOf(content.milestones[0])).toBe(Object.prototype);
    expect(content).not.toHaveProperty('note');
  });

  it('stores text in NFC, so the stored text is the hashed text', () => {
    const content = buildBidContent({ ...CONTENT, proposal: 'caf\u0065\u0301' });
    expect(content.proposal).toBe('caf\u00e9');
  });

  it('is the SHA-256 of the sorted, whitespace-free JSON: checkable with any SHA-256 tool', () => {
    const json =
      '{"challengeId":"c-1","durationDays":180,"keyPersonnelUserIds":["u-lead"],' +
      '"milestones":[{"deliverable":"Bench test report","dueDay":90,"paymentBasisPoints":10000,"title":"Prototype"}],' +
      '"pledgedBy":"u-lead","proposal":"# 方案\\n\\nWe will ...","quotedPriceFen":48000000,"revision":1,' +
      '"teamId":"t-1","technicalApproach":"Edge inference on a low-power FPGA"}';
    expect(bidContentHash(CONTENT)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
  });

  it('changes with any field, the revision included', () => {
    expect(bidContentHash({ ...CONTENT, revision: 2 })).not.toBe(bidContentHash(CONTENT));
    expect(bidContentHash({ ...CONTENT, quotedPriceFen: 47_999_999 })).not.toBe(bidContentHash(CONTENT));
  });

  it('counts the proposal limit in UTF-8 bytes: a CJK character is 3', () => {
    expect(MAX_PROPOSAL_BYTES).toBe(204_800);
    expect(utf8Bytes('方案')).toBe(6);
  });
});
