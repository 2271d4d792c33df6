import { createServer } from 'node:http';
import { verify } from 'jsonwebtoken';
import { Server } from 'socket.io';

/**
 * P2's baseline: a bare socket.io server with the platform's namespace, message limit, handshake
 * token check and audience rooms. `room:join` joins the audience; `score:submit` bumps the
 * version and emits a `room:event` of the platform's shape (score.submitted with the bid's
 * progress) to the chair and to judges + observers, then acknowledges. No database, no validation,
 * no record: what is left when the framework and the room's rules are taken away.
 */

const secret = process.env.JWT_SECRET ?? '';
const http = createServer((req, res) => {
  res.writeHead(req.url === '/api/health/ready' ? 200 : 404).end();
});
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, cors: { origin: false, credentials: true } });
const rooms = io.of('/rooms');

interface RoomState {
  version: number;
  scoredBy: Set<string>;
  judges: Set<string>;
}
const state = new Map<string, RoomState>();
const roomOf = (roomId: string): RoomState => {
  let room = state.get(roomId);
  if (!room) state.set(roomId, (room = { version: 0, scoredBy: new Set(), judges: new Set() }));
  return room;
};

rooms.use((socket, next) => {
  try {
    const claims = verify(String(socket.handshake.auth.token ?? ''), secret, { algorithms: ['HS256'], audience: 'jiebang-api', issuer: 'jiebang' }) as {
      sub: string;
      roles: string[];
    };
    socket.data.user = { id: claims.sub, roles: claims.roles };
    next();
  } catch {
    next(new Error('TOKEN_INVALID'));
  }
});

rooms.on('connection', (socket) => {
  const user = socket.data.user as { id: string; roles: string[] };
  // The in-memory adapter joins synchronously: nothing to wait for, nothing that fails.
  void socket.join(`user:${user.id}`);
  socket.on('room:join', (message: { roomId: string }, ack: (answer: unknown) => void) => {
    const room = roomOf(message.roomId);
    const judge = user.roles.includes('JUDGE');
    if (judge) room.judges.add(user.id);
    void socket.join(`room:${message.roomId}:${judge ? 'judges' : 'observers'}`);
    ack({ ok: true, version: room.version });
  });
  socket.on('score:submit', (message: { roomId: string; bidId: string }, ack: (answer: unknown) => void) => {
    const room = roomOf(message.roomId);
    room.version += 1;
    const revision = room.scoredBy.has(user.id);
    room.scoredBy.add(user.id);
    const event = {
      roomId: message.roomId,
      version: room.version,
      type: 'score.submitted',
      at: new Date().toISOString(),
      data: {
        bidId: message.bidId,
        judgeId: user.id,
        revision,
        progress: { bidId: message.bidId, state: 'PRESENTING', scoredBy: [...room.scoredBy], recusedJudgeIds: [], eligibleJudges: [...room.judges] },
      },
    };
    rooms.to(`room:${message.roomId}:chair`).emit('room:event', event);
    rooms.to([`room:${message.roomId}:judges`, `room:${message.roomId}:observers`]).emit('room:event', event);
    ack({ ok: true, version: room.version });
  });
});

// close()'s callback receives the outcome and exits either way.
process.once('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
http.listen(Number(process.env.PORT ?? 3101), process.env.HOST ?? '127.0.0.1');
