import { Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { authenticateHandshake, AuthUser, TokenService, UserRateLimits } from '@app/auth';
import { APP_CONFIG, AppConfig, errorBody, reportServerError } from '@app/core';
import { ErrorCode, Forbidden } from '@app/domain';
import type { Namespace, Socket } from 'socket.io';
import type { RoomClientToServer, RoomCommandName, RoomServerToClient } from '@app/domain/evaluation/room-protocol';
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
import { audienceRoom, RoomBroadcaster, userRoom } from './room-broadcaster';
import { LiveScoringService } from './live-scoring.service';
import { PriceEnvelopeService } from './price-envelope.service';
import { CommandAck } from './room-command-runner';
import { RoomQueriesService } from './room-queries.service';
import { RoomVerdictService } from './room-verdict.service';

/** What every client → server message is acknowledged with. */
export type SocketAck =
  | ({ ok: true } & CommandAck)
  | { ok: false; code: ErrorCode; message: string; details?: unknown };

type RoomSocket = Socket<RoomClientToServer, RoomServerToClient, Record<string, never>, { user?: AuthUser }>;

/** One client → server command: the payload's class (validated like an HTTP body) and what it runs. */
interface RoomCommand {
  payload: new () => object;
  run(socket: RoomSocket, user: AuthUser, message: object): Promise<CommandAck>;
}

function command<T extends object>(payload: new () => T, run: (socket: RoomSocket, user: AuthUser, message: T) => Promise<CommandAck>): RoomCommand {
  return { payload, run: run as RoomCommand['run'] };
}

/** A refusal at the handshake: the client gets `connect_error` with `message` and `data: { code }`. */
function handshakeError(error: unknown): Error & { data: { code: ErrorCode; statusCode: number } } {
  const body = errorBody(error);
  return Object.assign(new Error(body.message), { data: { code: body.code, statusCode: body.statusCode } });
}

/**
 * The live room on socket.io (namespace /rooms). Thin: authenticate (the HTTP token check, at the
 * handshake and again on every message so an expired token stops working), validate the payload
 * like an HTTP body, call the room's use cases, acknowledge. Fan-out is RoomBroadcaster's.
 * The commands are a table dispatched by one listener per socket, not @SubscribeMessage methods.
 */
@WebSocketGateway({ namespace: '/rooms' })
export class RoomsGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<RoomSocket> {
  private readonly logger = new Logger(RoomsGateway.name);
  /** The commands by message name. */
  private readonly commands: ReadonlyMap<string, RoomCommand>;

  constructor(
    private readonly tokens: TokenService,
    private readonly limits: UserRateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scoring: LiveScoringService,
    prices: PriceEnvelopeService,
    verdict: RoomVerdictService,
    private readonly queries: RoomQueriesService,
    private readonly broadcaster: RoomBroadcaster,
  ) {
    // room:join joins the caller's audience and answers (and emits) the snapshot; room:sync is the
    // same for a client that missed a version.
    const join = command(RoomMessage, (socket, user, message) => this.snapshot(socket, user, message.roomId));
    const table: Record<RoomCommandName, RoomCommand> = {
      'room:join': join,
      'room:sync': join,
      'room:open': command(RoomMessage, (_, user, message) => scoring.open(user, message)),
      'room:present': command(BidMessage, (_, user, message) => scoring.present(user, message)),
      'timer:start': command(TimerStartMessage, (_, user, message) => scoring.startTimer(user, message)),
      'timer:pause': command(RoomMessage, (_, user, message) => scoring.pauseTimer(user, message)),
      'bid:lock': command(BidMessage, (_, user, message) => scoring.lock(user, message)),
      'bid:unlock': command(UnlockBidMessage, (_, user, message) => scoring.unlock(user, message)),
      'score:submit': command(SubmitScoreMessage, (_, user, message) => scoring.submitScore(user, message)),
      'score:withdraw': command(WithdrawScoreMessage, (_, user, message) => scoring.withdrawScore(user, message)),
      'prices:open': command(RoomMessage, (_, user, message) => prices.openPrices(user, message)),
      'room:reveal': command(RoomMessage, (_, user, message) => verdict.reveal(user, message)),
      'room:finalize': command(RoomMessage, (_, user, message) => verdict.finalize(user, message)),
    };
    this.commands = new Map(Object.entries(table));
  }

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

  /**
   * Every socket of a user is in `user:<id>`, where the judge's own scores arrive. Its messages are
   * dispatched by one listener from the gateway's command table: no per-socket handler objects
   * (see docs/performance.md, P2), and a message that is no command is answered UNKNOWN_COMMAND
   * rather than left to time out.
   */
  async handleConnection(socket: RoomSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (last as (answer: SocketAck) => void) : undefined;
      const payload = ack ? args.slice(0, -1) : args;
      // As socket.io delivers it: nothing, the one argument, or the arguments as an array.
      const body = payload.length === 0 ? undefined : payload.length === 1 ? payload[0] : payload;
      // handle() turns every failure into a refusal: it never rejects.
      void this.handle(socket, event, body).then(ack);
    });
    await socket.join(userRoom(user.id));
  }

  /** Join the audience first, then read: an event after the snapshot's version cannot be missed. */
  private async snapshot(socket: RoomSocket, user: AuthUser, roomId: string): Promise<CommandAck> {
    const audience = await this.queries.audience(user, roomId);
    await socket.join(audienceRoom(roomId, audience));
    const snapshot = await this.queries.snapshot(user, roomId);
    socket.emit('room:snapshot', snapshot);
    return { version: snapshot.version, snapshot };
  }

  /** Every message: the token again (expired or revoked stops here), the user's rate limit, then the command. */
  private async handle(socket: RoomSocket, event: string, body: unknown): Promise<SocketAck> {
    try {
      const user = authenticateHandshake(this.tokens, socket.handshake);
      this.limits.roomMessage(user.id);
      const found = this.commands.get(event);
      if (!found) return { ok: false, code: 'UNKNOWN_COMMAND', message: `"${event}" is not a command of the evaluation room` };
      const message = await parsePayload(found.payload, body);
      return { ok: true, ...(await found.run(socket, user, message)) };
    } catch (error) {
      const { statusCode, code, message, details } = errorBody(error);
      if (statusCode >= 500) reportServerError(this.logger, error, { socketId: socket.id });
      return { ok: false, code, message, ...(details === undefined ? {} : { details }) };
    }
  }
}
