import { OutboxConsumptionEntity, OutboxEventEntity } from '../outbox/outbox.entities';
import {
  AuthThrottleEntity,
  OrganisationEntity,
  OrgMemberEntity,
  RefreshTokenEntity,
  UserEntity,
} from './auth.entities';

export * from './auth.entities';
export { OutboxConsumptionEntity, OutboxEventEntity };

/** Every entity of the platform, by owning service. */
export const ENTITIES = [
  // outbox (shared infrastructure)
  OutboxEventEntity,
  OutboxConsumptionEntity,
  // auth
  UserEntity,
  OrganisationEntity,
  OrgMemberEntity,
  RefreshTokenEntity,
  AuthThrottleEntity,
];
