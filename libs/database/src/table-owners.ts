/**
 * Who writes which table (docs/development.md, "Who owns a table"). Every table the migrations create
 * has exactly one owner; only the owner's repositories insert, update, delete or lock it FOR UPDATE.
 * Any other part reads it through a read port (`*.reads.ts`) or reacts to the owner's domain events.
 * test/architecture/table-owners.spec.ts checks the code against this map.
 */
export const TABLE_OWNERS = {
  user_account: 'libs/auth',
  organisation: 'libs/auth',
  org_member: 'libs/auth',
  org_invitation: 'libs/auth',
  refresh_token: 'libs/auth',
  auth_throttle: 'libs/auth',
  challenge: 'apps/challenges',
  challenge_version: 'apps/challenges',
  challenge_question: 'apps/challenges',
  nda_acceptance: 'apps/challenges',
  team: 'apps/bidding',
  team_member: 'apps/bidding',
  team_invitation: 'apps/bidding',
  bid: 'apps/bidding',
  bid_revision: 'apps/bidding',
  idempotency_key: 'apps/bidding',
  expert: 'apps/evaluation',
  evaluation_room: 'apps/evaluation',
  room_panel_member: 'apps/evaluation',
  room_bid: 'apps/evaluation',
  room_declaration: 'apps/evaluation',
  room_score: 'apps/evaluation',
  room_operation: 'apps/evaluation',
  room_audit: 'apps/evaluation',
  room_objection: 'apps/evaluation',
  panel_draw: 'apps/evaluation',
  room_panel_replacement: 'apps/evaluation',
  outbox_event: 'libs/database',
  outbox_consumption: 'libs/database',
  outbox_failure: 'libs/database',
  outbox_consumer: 'libs/database',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[TableName];
