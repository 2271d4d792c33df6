/** The room protocol's shapes: one file shared with the server (libs/domain/src/evaluation/room-protocol.ts). */
export type * from '@app/domain/evaluation/room-protocol';
