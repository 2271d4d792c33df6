import { OutboxConsumerEntity, OutboxConsumptionEntity, OutboxEventEntity, OutboxFailureEntity } from '../outbox/outbox.entities';
import {
  AuthThrottleEntity,
  OrganisationEntity,
  OrgMemberEntity,
  RefreshTokenEntity,
  UserEntity,
} from './auth.entities';

import { BidEntity, BidRevisionEntity, IdempotencyKeyEntity, TeamEntity, TeamMemberEntity } from './bidding.entities';
import { ChallengeEntity, ChallengeQuestionEntity, ChallengeVersionEntity, NdaAcceptanceEntity } from './challenges.entities';
import {
  EvaluationRoomEntity,
  ExpertEntity,
  PanelDrawEntity,
  RoomAuditEntity,
  RoomBidEntity,
  RoomDeclarationEntity,
  RoomObjectionEntity,
  RoomOperationEntity,
  RoomPanelMemberEntity,
  RoomPanelReplacementEntity,
  RoomScoreEntity,
} from './evaluation.entities';

export * from './auth.entities';
export * from './bidding.entities';
export * from './challenges.entities';
export * from './evaluation.entities';
export { OutboxConsumerEntity, OutboxConsumptionEntity, OutboxEventEntity, OutboxFailureEntity };

/** Every entity of the platform, by owning service. */
export const ENTITIES = [
  // outbox (shared infrastructure)
  OutboxEventEntity,
  OutboxConsumptionEntity,
  OutboxFailureEntity,
  OutboxConsumerEntity,
  // auth
  UserEntity,
  OrganisationEntity,
  OrgMemberEntity,
  RefreshTokenEntity,
  AuthThrottleEntity,
  // challenges
  ChallengeEntity,
  ChallengeVersionEntity,
  ChallengeQuestionEntity,
  NdaAcceptanceEntity,
  // bidding
  TeamEntity,
  TeamMemberEntity,
  BidEntity,
  BidRevisionEntity,
  IdempotencyKeyEntity,
  // evaluation
  ExpertEntity,
  PanelDrawEntity,
  EvaluationRoomEntity,
  RoomPanelMemberEntity,
  RoomPanelReplacementEntity,
  RoomBidEntity,
  RoomDeclarationEntity,
  RoomScoreEntity,
  RoomOperationEntity,
  RoomAuditEntity,
  RoomObjectionEntity,
];
