import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { Audience, RoomStatus } from '../api/room-types';
import type { RoomSummary } from '../api/types';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

/** The rooms I chair, judge or observe (the bureau: all of them). */
export default function RoomsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const rooms = useQuery({ queryKey: ['rooms'], queryFn: () => api.get<RoomSummary[]>('/api/rooms') });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('room.myRooms')}</Typography.Title>
      <QueryTable<RoomSummary>
        result={rooms}
        rowKey="id"
        columns={[
          { title: t('bid.challenge'), render: (_, room) => <Link to={`/rooms/${room.id}`}>{room.challengeTitle}</Link> },
          { title: t('room.status'), dataIndex: 'status', render: (status: RoomStatus) => <Tag>{t(`room.statuses.${status}`)}</Tag> },
          { title: t('room.audience'), dataIndex: 'audience', render: (audience: Audience) => t(`room.audiences.${audience}`) },
          { title: t('room.convenedAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, language) },
          { title: t('room.report'), render: (_, room) => <Link to={`/rooms/${room.id}/report`}>{t('room.report')}</Link> },
        ]}
      />
    </Space>
  );
}
