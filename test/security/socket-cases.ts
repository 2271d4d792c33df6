import type { RoomCommandName } from '@app/evaluation';
import { opId, Room, World } from './world';

/** The socket table's columns: who may hold a socket on /rooms, and anonymous (refused at the handshake). */
export const SOCKET_ACTORS = ['anon', 'admin', 'ent', 'ent2', 'member', 'removed', 'chair', 'judge', 'recused', 'expert'] as const;
export type SocketActor = (typeof SOCKET_ACTORS)[number];

/** How far a new room is brought before the command is sent, in this order. */
const STATES = ['declared', 'open', 'presenting', 'counting down', 'scored', 'locked', 'revealed'] as const;
type LiveState = (typeof STATES)[number];

/** The step that brings a room from the state before to this one, driven by the chair and the judges. */
const STEPS: Record<Exclude<LiveState, 'declared'>, (w: World, room: Room) => Promise<unknown>> = {
  open: (w, room) => w.fx.chair('room:open', room),
  presenting: (w, room) => w.fx.chair('room:present', room, { bidId: room.bidA }),
  'counting down': (w, room) => w.fx.chair('timer:start', room, { phase: 'PRESENTATION' }),
  scored: (w, room) => w.fx.score(room, room.bidA),
  locked: (w, room) => w.fx.chair('bid:lock', room, { bidId: room.bidA }),
  revealed: (w, room) => w.fx.chair('room:reveal', room),
};

/** A new room with the team's bid alone (recused declared a conflict on it), brought to `state`; no objection window. */
async function roomIn(w: World, state: LiveState, twoEnvelopes = false): Promise<Room> {
  const room = await w.fx.room({ objectionWindowMinutes: 0, twoEnvelopes });
  for (const step of STATES.slice(1, STATES.indexOf(state) + 1)) await STEPS[step as Exclude<LiveState, 'declared'>](w, room);
  return room;
}

/**
 * One row of the socket table: the command, the state of the room it is sent in, and its payload
 * (always valid, so the acknowledgement is the command's own decision). Every command that changes
 * the room runs in a new room per actor.
 */
export interface SocketCase {
  command: RoomCommandName;
  in: string;
  room(w: World): Promise<Room>;
  payload(room: Room): object;
}

const inRoom = { roomId: (room: Room) => ({ roomId: room.roomId }), bid: (room: Room) => ({ roomId: room.roomId, bidId: room.bidA }) };

const live = (command: RoomCommandName, state: LiveState, payload: (room: Room) => object): SocketCase => ({
  command,
  in: state === 'declared' ? 'convened, declarations made' : state,
  room: (w) => roomIn(w, state),
  payload,
});

const shared = (command: RoomCommandName): SocketCase => ({
  command,
  in: 'the convened room',
  room: async (w) => w.shared.convened,
  payload: inRoom.roomId,
});

export const SOCKET_CASES: readonly SocketCase[] = [
  shared('room:join'),
  shared('room:sync'),
  live('room:open', 'declared', inRoom.roomId),
  live('room:present', 'open', inRoom.bid),
  live('timer:start', 'presenting', (room) => ({ ...inRoom.roomId(room), phase: 'PRESENTATION' })),
  live('timer:pause', 'counting down', inRoom.roomId),
  live('bid:lock', 'scored', inRoom.bid),
  live('bid:unlock', 'locked', (room) => ({ ...inRoom.bid(room), reason: '复核一位评委的分数' })),
  live('score:submit', 'presenting', (room) => ({ ...inRoom.bid(room), scores: { technical: 6, team: 7, price: 8 }, opId: opId() })),
  live('score:withdraw', 'scored', (room) => ({ ...inRoom.bid(room), opId: opId() })),
  // Two envelopes, every bid's technical scoring locked: the chair opens the prices.
  { command: 'prices:open', in: 'two envelopes, locked', room: (w) => roomIn(w, 'locked', true), payload: inRoom.roomId },
  live('room:reveal', 'locked', inRoom.roomId),
  live('room:finalize', 'revealed', inRoom.roomId),
];
