/**
 * Domain event contracts: the payloads services exchange through the outbox.
 * The type name is the contract; a payload only ever gains optional fields.
 */
export interface DomainEvents {
  'challenge.published': { challengeId: string; orgId: string; version: number; closesAt: string };
  'challenge.amended': { challengeId: string; version: number; changeNote: string; closesAt: string };
  'challenge.closed': { challengeId: string; closedAt: string };
  'challenge.cancelled': { challengeId: string; reason: string | null };
  'bid.submitted': { bidId: string; challengeId: string; teamId: string; revision: number };
  'bid.withdrawn': { bidId: string; challengeId: string; teamId: string };
  'bid.shortlisted': { bidId: string; challengeId: string; shortlisted: boolean; reason: string | null };
  /** Someone accepted an invitation to a team: a period of membership began (joinedAt, the database clock). */
  'team.member.joined': { teamId: string; userId: string; joinedAt: string };
  'evaluation.started': { roomId: string; challengeId: string };
  'evaluation.finalized': {
    roomId: string;
    challengeId: string;
    awardedBidIds: string[];
    notAwardedBidIds: string[];
  };
}

export type DomainEventType = keyof DomainEvents;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  payload: DomainEvents[T];
  occurredAt: string;
}
