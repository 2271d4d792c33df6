import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { authenticateHandshake, AuthUser, TokenService } from '@app/auth';
import { APP_CONFIG, AppConfig, errorBody } from '@app/core';
import { Forbidden } from '@app/domain';
import type { Namespace, Socket } from 'socket.io';
import { originAllowed } from '../realtime/origin';
import { parsePayload } from '../realtime/socket-validation';
import {
  BidMessage,
  RoomMessage,
  SubmitScoreMessage,
  TimerStartMessage,
  UnlockBidMessage,
  WithdrawScoreMessage,
} from './dto/room-messages.dto';
import { audienceRoom, RoomBroadcaster, RoomServerEvents, userRoom } from './room-broadcaster';
import { CommandAck, RoomCommandsService } from './room-commands.service';
import { RoomQueriesService } from './room-queries.service';

/** What every client → server message is acknowledged with. */
export type SocketAck =
  | ({ ok: true } & CommandAck)
  | { ok: false; code: string; message: string; details?: unknown };

type RoomSocket = Socket<Record<string, never>, RoomServerEvents, Record<string, never>, { user?: AuthUser }>;

/** The client → server messages; anything else is answered UNKNOWN_COMMAND rather than left to time out. */
export const ROOM_COMMANDS = new Set([
  'room:join',
  'room:sync',
  'room:open',
  'room:present',
  'timer:start',
  'timer:pause',
  'bid:lock',
  'bid:unlock',
  'score:submit',
  'score:withdraw',
  'room:reveal',
  'room:finalize',
]);

/** A refusal at the handshake: the client gets `connect_error` with `message` and `data: { code }`. */
function handshakeError(error: unknown): Error & { data: { code: string; statusCode: number } } {
  const body = errorBody(error);
  return Object.assign(new Error(body.message), { data: { code: body.code, statusCode: body.statusCode } });
}

/**
 * The live room on socket.io (namespace /rooms). Thin: authenticate (the HTTP token check, at the
 * handshake and again on every message so an expired token stops working), validate the payload
 * like an HTTP body, call the one command service, acknowledge. Fan-out is RoomBroadcaster's.
 */
@WebSocketGateway({ namespace: '/rooms' })
export class RoomsGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<RoomSocket> {
  private readonly logger = new Logger(RoomsGateway.name);

  constructor(
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: RoomCommandsService,
    private readonly queries: RoomQueriesService,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  afterInit(server: Namespace): void {
    this.broadcaster.attach(server);
    server.use((socket, next) => {
      const { headers } = socket.handshake;
      const forwarded = this.config.trustProxy ? headers['x-forwarded-host'] : undefined;
      const host = typeof forwarded === 'string' ? forwarded : headers.host;
      if (!originAllowed(headers.origin, host, this.config.corsOrigins)) {
        next(handshakeError(new Forbidden('ORIGIN_NOT_ALLOWED', 'This origin may not open the evaluation room')));
        return;
      }
      try {
        (socket as RoomSocket).data.user = authenticateHandshake(this.tokens, socket.handshake);
        next();
      } catch (error) {
        next(handshakeError(error));
      }
    });
  }

  /** Every socket of a user is in `user:<id>`, where the judge's own scores arrive. */
  async handleConnection(socket: RoomSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!ROOM_COMMANDS.has(event) && typeof ack === 'function') {
        (ack as (answer: SocketAck) => void)({ ok: false, code: 'UNKNOWN_COMMAND', message: `"${event}" is not a command of the evaluation room` });
      }
    });
    await socket.join(userRoom(user.id));
  }

  /** Joins the caller's audience of the room and answers (and emits) the snapshot. */
  @SubscribeMessage('room:join')
  join(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.snapshot(socket, user, message.roomId));
  }

  /** A client that missed a version asks for the full state again. */
  @SubscribeMessage('room:sync')
  sync(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.snapshot(socket, user, message.roomId));
  }

  @SubscribeMessage('room:open')
  open(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.commands.open(user, message));
  }

  @SubscribeMessage('room:present')
  present(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, BidMessage, body, (user, message) => this.commands.present(user, message));
  }

  @SubscribeMessage('timer:start')
  startTimer(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, TimerStartMessage, body, (user, message) => this.commands.startTimer(user, message));
  }

  @SubscribeMessage('timer:pause')
  pauseTimer(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.commands.pauseTimer(user, message));
  }

  @SubscribeMessage('bid:lock')
  lock(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, BidMessage, body, (user, message) => this.commands.lock(user, message));
  }

  @SubscribeMessage('bid:unlock')
  unlock(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, UnlockBidMessage, body, (user, message) => this.commands.unlock(user, message));
  }

  @SubscribeMessage('score:submit')
  submitScore(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, SubmitScoreMessage, body, (user, message) => this.commands.submitScore(user, message));
  }

  @SubscribeMessage('score:withdraw')
  withdrawScore(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, WithdrawScoreMessage, body, (user, message) => this.commands.withdrawScore(user, message));
  }

  @SubscribeMessage('room:reveal')
  reveal(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.commands.reveal(user, message));
  }

  @SubscribeMessage('room:finalize')
  finalize(@ConnectedSocket() socket: RoomSocket, @MessageBody() body: unknown): Promise<SocketAck> {
    return this.handle(socket, RoomMessage, body, (user, message) => this.commands.finalize(user, message));
  }

  /** Join the audience first, then read: an event after the snapshot's version cannot be missed. */
  private async snapshot(socket: RoomSocket, user: AuthUser, roomId: string): Promise<CommandAck> {
    const audience = await this.queries.audience(user, roomId);
    await socket.join(audienceRoom(roomId, audience));
    const snapshot = await this.queries.snapshot(user, roomId);
    socket.emit('room:snapshot', snapshot);
    return { version: snapshot.version, snapshot };
  }

  private async handle<T extends object>(
    socket: RoomSocket,
    type: new () => T,
    body: unknown,
    run: (user: AuthUser, message: T) => Promise<CommandAck>,
  ): Promise<SocketAck> {
    try {
      const user = authenticateHandshake(this.tokens, socket.handshake);
      const message = await parsePayload(type, body);
      return { ok: true, ...(await run(user, message)) };
    } catch (error) {
      const { statusCode, code, message, details } = errorBody(error);
      if (statusCode >= 500) this.logger.error({ err: error, socketId: socket.id }, 'socket command failed');
      return { ok: false, code, message, ...(details === undefined ? {} : { details }) };
    }
  }
}
