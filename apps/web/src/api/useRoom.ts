import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { applyEvent, fromSnapshot, isBehind, withOwnScore, type RoomState } from '../lib/room-state';
import { session } from './client';
import type { Ack, RoomClientToServer, RoomCommandName, RoomServerToClient, RoomSnapshot } from './room-types';

type RoomSocket = Socket<RoomServerToClient, RoomClientToServer>;

/** Sends a room command with its fields (the room's id is added) and resolves with the acknowledgement. */
export type RoomSend = (command: RoomCommandName, payload?: Record<string, unknown>) => Promise<Ack>;

export type Connection = 'connecting' | 'live' | 'offline';

const ACK_TIMEOUT_MS = 8000;
/** A heartbeat ahead of us may only be ahead of an event still on its way: resync if we are still behind this much later. */
const HEARTBEAT_GRACE_MS = 1000;

/**
 * One live room over socket.io (namespace /rooms): joins on every (re)connect and replaces its
 * state with the snapshot, applies events in version order, resyncs on a gap (an event past the
 * next version, or a heartbeat whose version stays ahead of ours), refreshes an expired token
 * and reconnects. `send` acknowledges only after the server committed.
 */
export function useRoom(roomId: string) {
  const [state, setState] = useState<RoomState | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<Ack | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  const stateRef = useRef<RoomState | null>(null);

  const replace = useCallback((next: RoomState | null) => {
    stateRef.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    const socket: RoomSocket = io('/rooms', {
      transports: ['websocket'],
      auth: (give) => give({ token: session.accessToken() ?? '' }),
    });
    socketRef.current = socket;
    const join = async (command: 'room:join' | 'room:sync') => {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(command, { roomId }).catch(() => null);
      if (ack?.ok && ack.snapshot) {
        replace(fromSnapshot(ack.snapshot, Date.now()));
        setError(null);
      } else if (ack) setError(ack);
    };
    socket.on('connect', () => {
      setConnection('live');
      // join() catches a failed or late acknowledgement itself (it shows the refusal, or waits for the next sync).
      void join('room:join');
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      setConnection('offline');
      const code = err.data?.code;
      if (code === 'TOKEN_EXPIRED' || code === 'TOKEN_MISSING' || code === 'TOKEN_INVALID' || code === 'TOKEN_REVOKED') {
        // A refresh that fails (network, server error) leaves the room offline, as the connection badge shows.
        void session
          .refresh()
          .then((token) => token && socket.connect())
          .catch(() => setConnection('offline'));
      }
    });
    socket.on('room:event', (event) => {
      const current = stateRef.current;
      if (!current || event.roomId !== roomId) return;
      const result = applyEvent(current, event, Date.now());
      if (result.kind === 'applied') replace(result.state);
      else if (result.kind === 'gap') void join('room:sync');
    });
    let behind: ReturnType<typeof setTimeout> | undefined;
    socket.on('room:heartbeat', (beat) => {
      if (beat.roomId !== roomId || behind !== undefined || !isBehind(stateRef.current, beat.version)) return;
      behind = setTimeout(() => {
        behind = undefined;
        if (isBehind(stateRef.current, beat.version)) void join('room:sync');
      }, HEARTBEAT_GRACE_MS);
    });
    socket.on('room:own-score', (message) => {
      if (stateRef.current && message.roomId === roomId) replace(withOwnScore(stateRef.current, message.bidId, message.score));
    });
    return () => {
      clearTimeout(behind);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [roomId, replace]);

  /** Sends a command and resolves with its acknowledgement; rejects when no answer came (connection lost). */
  const send = useCallback(
    async (...[command, payload = {}]: Parameters<RoomSend>): Promise<Ack> => {
      const socket = socketRef.current;
      if (!socket?.connected) throw new Error('offline');
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(command, { roomId, ...payload });
      if (ack.ok && ack.score !== undefined && stateRef.current) replace(withOwnScore(stateRef.current, String(payload.bidId), ack.score));
      return ack;
    },
    [roomId, replace],
  );

  const room: RoomSnapshot | null = state?.room ?? null;
  return { room, timerReadAt: state?.timerReadAt ?? 0, connection, error, send };
}
