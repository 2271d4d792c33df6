import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useRoom } from '../api/useRoom';
import { ErrorAlert } from '../components/ErrorAlert';
import { refusalOf } from '../api/useScoreSubmission';
import { ChairView } from './room/ChairView';
import { JudgeView } from './room/JudgeView';
import { ObjectionsPanel } from './room/ObjectionsPanel';
import { ConnectionBanner, Presenter, ProgressGrid, RankingTable } from './room/RoomParts';

/** The live room: the chair's console, a judge's scoring page, or the observer's view, by the viewer's audience. */
export default function RoomPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { room, timerReadAt, connection, error, send } = useRoom(id);
  if (error && !room) return <ErrorAlert error={refusalOf(error)} />;
  if (!room) return <Spin size="large" className="page-spin" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="room-page">
      <ConnectionBanner connection={connection} />
      <Typography.Title level={2} style={{ margin: 0 }}>
        <Link to={`/challenges/${room.challenge.id}`}>{room.challenge.title}</Link>
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="audience">
        {t(`room.audiences.${room.audience}`)}
      </Typography.Text>
      <Presenter room={room} readAt={timerReadAt} />
      {room.audience === 'CHAIR' && <ChairView room={room} send={send} />}
      {room.audience === 'JUDGE' && <JudgeView room={room} send={send} />}
      {room.audience === 'OBSERVER' && (
        <>
          <Card title={t('room.progress')}>
            <ProgressGrid room={room} />
          </Card>
          {room.ranking ? (
            <Card title={t('room.ranking')}>
              <RankingTable ranking={room.ranking} />
            </Card>
          ) : (
            <Alert type="info" showIcon title={t('room.scoresSealed')} />
          )}
          {room.status === 'FINALIZED' && <Link to={`/rooms/${room.roomId}/report`}>{t('room.report')}</Link>}
        </>
      )}
      {(room.status === 'REVEALED' || room.status === 'FINALIZED') && <ObjectionsPanel room={room} />}
    </Space>
  );
}
