import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import { EvaluationRoomEntity, RoomOperationResult } from '@app/database';
import { assertNotFinalized, assertParticipant, canonicalJson, RoomParticipant, sha256Hex, Unprocessable } from '@app/domain';
import { DataSource } from 'typeorm';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomState } from './room-state';
import { RoomStore } from './room-store';
import { eventMessages, ownScoreOf, RoomEventContent } from './room-views';
import { RoomWritesRepository } from './room-writes.repository';
import { RoomRepository } from './room.repository';

/** What every command answers: the room's version after it (the version of the event it caused). */
export interface CommandAck {
  version: number;
  /** True when this was a retry of an operation id already applied: nothing changed. */
  replayed?: boolean;
  [key: string]: unknown;
}

export interface CommandContext {
  /** The locked room row: a command changes it in memory, the runner saves it. */
  room: EvaluationRoomEntity;
  user: AuthUser;
  participant: RoomParticipant;
  /** The database clock, read after the room lock. */
  at: Date;
  /** The room as it stands before this command. */
  state: () => Promise<RoomState>;
  /** The command's only way to write the room's other tables (what it writes is read again for the views). */
  write: RoomWritesRepository;
}

export interface CommandOutcome {
  action: string;
  payload: Record<string, unknown>;
  /** Built from the state after the command. */
  event: (after: RoomState) => RoomEventContent;
  ack?: (after: RoomState) => Record<string, unknown>;
  /** A judge whose own-score view changed. */
  ownScoreOf?: { judgeId: string; bidId: string };
}

export type RoomCommand = (context: CommandContext) => Promise<CommandOutcome>;

function requestHash(command: string, request: object): string {
  const plain: unknown = JSON.parse(JSON.stringify({ command, request }));
  return sha256Hex(canonicalJson(plain));
}

/**
 * Runs every command of a room, for HTTP and the socket gateway alike, in one transaction: lock
 * the room row, check the rules, write, append the audit entry, bump the version, commit; only
 * then are the audiences told and the caller acknowledged. A repeated operation id answers the
 * stored acknowledgement without applying anything.
 */
@Injectable()
export class RoomCommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  async run(user: AuthUser, roomId: string, command: string, opId: string | undefined, request: object, use: RoomCommand): Promise<CommandAck> {
    const hash = opId === undefined ? null : requestHash(command, request);
    const done = await this.dataSource.transaction(async (manager) => {
      const rooms = new RoomRepository(manager);
      const room = await rooms.lock(roomId);
      const participant = await this.store.participant(manager, room, user);
      assertParticipant(participant);
      if (opId !== undefined && hash !== null) {
        const prior = await rooms.operation(room.id, user.id, opId);
        if (prior) {
          if (prior.requestHash !== hash) {
            throw new Unprocessable('OPERATION_ID_REUSED', 'This operation id was already used for another command or payload');
          }
          return { replayed: true as const, ack: { ...(prior.ack as CommandAck), replayed: true } };
        }
      }
      assertNotFinalized(room.status);
      const at = await rooms.clock();
      const read: { before?: RoomState } = {};
      const write = new RoomWritesRepository(manager, room, at);
      const outcome = await use({
        room,
        user,
        participant,
        at,
        state: async () => (read.before ??= await this.store.load(manager, room)),
        write,
      });
      await rooms.append(room, user.id, outcome.action, outcome.payload, at);
      await rooms.save(room);
      // The room row is in memory; of the rest only what the command wrote is read again.
      const after = read.before ? await this.store.refresh(manager, read.before, write.written) : await this.store.load(manager, room);
      const ack: CommandAck = { version: room.version, ...outcome.ack?.(after) };
      if (opId !== undefined && hash !== null) {
        const result: RoomOperationResult = { command, requestHash: hash, ack };
        await rooms.recordOperation(room.id, user.id, opId, result);
      }
      const own = outcome.ownScoreOf;
      return {
        replayed: false as const,
        ack,
        messages: eventMessages(after, at, outcome.event(after)),
        own: own && {
          userId: own.judgeId,
          message: { roomId: room.id, version: room.version, bidId: own.bidId, score: ownScoreOf(after, own.judgeId, own.bidId) },
        },
      };
    });
    if (done.replayed) return done.ack;
    this.broadcaster.publish(done.messages, done.own);
    return done.ack;
  }
}
