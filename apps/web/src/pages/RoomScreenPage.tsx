import { Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { RoomSnapshot } from '../api/room-types';
import { useRoom } from '../api/useRoom';
import { refusalOf } from '../api/useScoreSubmission';
import { useClock } from '../components/Countdown';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDuration } from '../lib/format';
import { timeLeft } from '../lib/room-state';
import { ConnectionBanner } from './room/RoomParts';

function ScreenTimer({ room, readAt }: { room: RoomSnapshot; readAt: number }) {
  const { t } = useTranslation();
  const now = useClock(250, Date.now);
  const left = timeLeft(room.timer, readAt, now);
  if (left === null || !room.timer) return null;
  return (
    <div className="hall-timer-block">
      <div className="hall-label">
        {t(`room.phase.${room.timer.phase}`)}
        {!room.timer.running && ` · ${t('room.paused')}`}
      </div>
      <div className={`hall-timer${left < 60_000 ? ' hall-timer-late' : ''}`} data-testid="screen-timer">
        {formatDuration(left)}
      </div>
    </div>
  );
}

/**
 * The hall's projector page: what everyone in the defense hall may see, in large type and with
 * no controls: who presents, the slot's countdown, how far the panel is (how many scored, never
 * who or how much), and the ranking once revealed. It follows the room live like every client.
 */
export default function RoomScreenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { room, timerReadAt, connection, error } = useRoom(id);
  if (error && !room) return <ErrorAlert error={refusalOf(error)} />;
  if (!room) return <Spin size="large" className="page-spin" />;
  const current = room.bids.find((bid) => bid.bidId === room.currentBidId);
  return (
    <main className="hall-screen" data-testid="hall-screen">
      <ConnectionBanner connection={connection} />
      <header className="hall-header">
        <h1 className="hall-title">{room.challenge.title}</h1>
        <Tag color="red" className="hall-status" data-testid="screen-status">
          {t(`room.statuses.${room.status}`)}
        </Tag>
      </header>
      {room.ranking ? (
        <section>
          <h2 className="hall-label">{t('room.ranking')}</h2>
          <table className="hall-table" data-testid="screen-ranking">
            <tbody>
              {room.ranking.map((entry) => (
                <tr key={entry.bidId} className={entry.awarded ? 'hall-winner' : undefined}>
                  <td className="hall-rank">{entry.rank}</td>
                  <td>{entry.teamName}</td>
                  <td className="hall-number">{entry.panelPoints ?? t('room.unscored')}</td>
                  <td>{entry.awarded ? t('room.winner') : entry.eligible ? '' : t('room.belowPassMark')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <>
          <section className="hall-stage">
            <div>
              <div className="hall-label">{t('room.presenting')}</div>
              <div className="hall-presenter" data-testid="screen-presenter">
                {current ? `${current.position}. ${current.teamName}` : t('room.nobodyOnStage')}
              </div>
            </div>
            <ScreenTimer room={room} readAt={timerReadAt} />
          </section>
          <table className="hall-table" data-testid="screen-progress">
            <tbody>
              {room.bids.map((bid) => (
                <tr key={bid.bidId} className={bid.bidId === room.currentBidId ? 'hall-current' : undefined}>
                  <td className="hall-rank">{bid.position}</td>
                  <td>{bid.teamName}</td>
                  <td className="hall-number">{t(`room.slots.${bid.state}`)}</td>
                  <td className="hall-number">{t('room.scoredOf', { scored: bid.scoredBy.length, of: bid.eligibleJudges })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
