import { Button, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { RoomBid, RoomSnapshot } from '../../api/room-types';
import type { RoomSend } from '../../api/useRoom';
import { useAuth } from '../../auth/AuthProvider';
import { ScoringDesk } from './ScoringDesk';


interface Declaration {
  bidId: string;
  conflict: boolean;
  reason?: string;
}

/** Before the room opens: a conflict declaration per bid (automatic recusals are already there). */
function Declarations({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const mine = room.myDeclarations ?? [];
  // Only the platform's recusals are fixed; what the judge declared (before a reload, on another device) shows as declared.
  const recused = new Set(mine.filter((d) => d.automatic).map((d) => d.bidId));
  const [answers, setAnswers] = useState<Record<string, Declaration>>(() =>
    Object.fromEntries(mine.filter((d) => !d.automatic).map((d) => [d.bidId, { bidId: d.bidId, conflict: d.conflict, reason: d.reason ?? undefined }])),
  );
  const declare = useAction((declarations: Declaration[]) => api.post(`/api/rooms/${room.roomId}/declarations`, { declarations }), { successText: t('room.declared') });
  const open = room.bids.filter((bid) => !recused.has(bid.bidId));
  const ready = open.every((bid) => answers[bid.bidId] && (!answers[bid.bidId].conflict || answers[bid.bidId].reason?.trim()));
  return (
    <Card title={t('room.declarations')}>
      <Typography.Paragraph type="secondary">{t('room.declarationsHint')}</Typography.Paragraph>
      <Table<RoomBid>
        size="small"
        pagination={false}
        rowKey="bidId"
        dataSource={room.bids}
        columns={[
          { title: t('room.bid'), render: (_, bid) => `${bid.position}. ${bid.teamName}` },
          {
            title: t('room.conflict'),
            render: (_, bid) =>
              recused.has(bid.bidId) ? (
                <Tag>{t('room.recusedAutomatically')}</Tag>
              ) : (
                <Space>
                  <Radio.Group
                    value={answers[bid.bidId]?.conflict}
                    onChange={(event) => setAnswers({ ...answers, [bid.bidId]: { bidId: bid.bidId, conflict: event.target.value as boolean } })}
                    options={[
                      { value: false, label: t('room.noConflict') },
                      { value: true, label: t('room.hasConflict') },
                    ]}
                  />
                  {answers[bid.bidId]?.conflict && (
                    <Input
                      placeholder={t('common.reason')}
                      value={answers[bid.bidId]?.reason ?? ''}
                      onChange={(event) => setAnswers({ ...answers, [bid.bidId]: { ...answers[bid.bidId], reason: event.target.value } })}
                    />
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Button type="primary" className="block-gap" disabled={!ready} loading={declare.isPending} onClick={() => declare.mutate(Object.values(answers))}>
        {t('room.declare')}
      </Button>
    </Card>
  );
}

/** A judge: declarations before the room opens, then the scoring desk. */
export function JudgeView({ room, send }: { room: RoomSnapshot; send: RoomSend }) {
  const { me } = useAuth();
  if (room.status === 'CONVENED') return <Declarations room={room} />;
  return me ? <ScoringDesk room={room} send={send} judgeId={me.id} /> : null;
}
