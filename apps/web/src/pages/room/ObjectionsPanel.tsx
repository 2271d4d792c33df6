import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useMyBids } from '../../api/queries';
import type { RoomSnapshot } from '../../api/room-types';
import type { Objection } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Countdown, useClock } from '../../components/Countdown';
import { useApiForm } from '../../components/ErrorAlert';
import { QueryTable } from '../../components/QueryTable';
import { ReasonButton } from '../../components/ReasonButton';
import { useLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';

interface NewObjection {
  bidId: string;
  text: string;
}

/**
 * 公示: after the reveal, a team files objections on its own bid until the window closes; the
 * bureau answers each; the chair can finalise once the window has passed and none is open. The
 * list refetches whenever the room's live objection counts change.
 */
export function ObjectionsPanel({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { me } = useAuth();
  const now = useClock();
  const isAdmin = Boolean(me?.roles.includes('ADMIN'));
  const objectionsKey = ['room', room.roomId, 'objections', room.objections.filed, room.objections.open];
  const objections = useQuery({ queryKey: objectionsKey, queryFn: () => api.get<Objection[]>(`/api/rooms/${room.roomId}/objections`) });
  const myBids = useMyBids();
  const ownBids = room.bids.filter((bid) => myBids.data?.some((mine) => mine.id === bid.bidId));
  const windowOpen = room.status === 'REVEALED' && room.objectionWindowEndsAt !== null && Date.parse(room.objectionWindowEndsAt) > now;
  const teamOf = (bidId: string) => room.bids.find((bid) => bid.bidId === bidId)?.teamName ?? bidId;

  const { form, report, reset, alert } = useApiForm<NewObjection>();
  const file = useAction((values: NewObjection) => api.post(`/api/rooms/${room.roomId}/objections`, values), {
    invalidate: [['room', room.roomId, 'objections']],
    successText: t('objections.filed'),
    onSuccess: () => form.resetFields(['text']),
    onError: report,
  });
  const answer = useAction(({ id, text }: { id: string; text: string }) => api.post(`/api/rooms/${room.roomId}/objections/${id}/answer`, { answer: text }), {
    invalidate: [['room', room.roomId, 'objections']],
    successText: t('objections.answered'),
  });

  return (
    <Card
      title={t('report.objections')}
      data-testid="objections"
      extra={
        room.objectionWindowEndsAt && (
          <Space>
            <Typography.Text type="secondary">{t('objections.window')}</Typography.Text>
            <Countdown until={room.objectionWindowEndsAt} endedText={t('objections.windowClosed')} />
          </Space>
        )
      }
    >
      <QueryTable<Objection>
        result={objections}
        rowKey="id"
        locale={{ emptyText: t('objections.none') }}
        columns={[
          { title: t('room.bid'), dataIndex: 'bidId', render: (bidId: string) => teamOf(bidId) },
          { title: t('report.objection'), dataIndex: 'text', render: (text: string) => <span className="pre-wrap">{text}</span> },
          { title: t('objections.filedAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, language) },
          {
            title: t('report.answer'),
            render: (_, objection) =>
              objection.answer !== null ? (
                <span className="pre-wrap">{objection.answer}</span>
              ) : isAdmin && room.status !== 'FINALIZED' ? (
                <ReasonButton size="small" title={t('objections.answerTitle')} onConfirm={(text) => answer.mutateAsync({ id: objection.id, text })}>
                  {t('objections.answer')}
                </ReasonButton>
              ) : (
                <Tag color="orange">{t('objections.open')}</Tag>
              ),
          },
        ]}
      />
      {windowOpen && ownBids.length > 0 && (
        <Form
          form={form}
          layout="vertical"
          className="block-gap"
          initialValues={{ bidId: ownBids[0].bidId }}
          onFinish={(values) => {
            reset();
            file.mutate(values);
          }}
        >
          <Form.Item name="bidId" label={t('objections.onBid')} hidden={ownBids.length === 1}>
            <Select options={ownBids.map((bid) => ({ value: bid.bidId, label: bid.teamName }))} />
          </Form.Item>
          <Form.Item name="text" label={t('objections.text')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          {alert}
          <Button type="primary" htmlType="submit" loading={file.isPending}>
            {t('objections.file')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
