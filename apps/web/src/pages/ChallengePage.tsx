import { Alert, Card, Col, Descriptions, List, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useChallenge, useQuestions } from '../api/challenges';
import { hasRole, useAuth } from '../auth/AuthProvider';
import type { Challenge } from '../api/types';
import { FieldTag, StatusTag } from '../components/ChallengeTags';
import { Countdown } from '../components/Countdown';
import { Amendments, OpenedBids, OwnerActions, PendingQuestions, ReviewActions, SolverActions } from '../components/ChallengePanels';
import { ErrorAlert } from '../components/ErrorAlert';
import { IndicatorTable, RubricTable } from '../components/RubricTable';
import { useLanguage } from '../i18n';
import { formatDateTime, formatFen } from '../lib/format';

function AnsweredQuestions({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const questions = useQuestions(challengeId);
  if (questions.error) return <ErrorAlert error={questions.error} />;
  return (
    <List
      loading={questions.isPending}
      locale={{ emptyText: t('challenge.noQuestions') }}
      dataSource={(questions.data ?? []).filter((q) => q.answer !== null)}
      renderItem={(q) => (
        <List.Item>
          <List.Item.Meta title={q.question} description={<span className="pre-wrap">{q.answer}</span>} />
        </List.Item>
      )}
    />
  );
}

function Detail({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  if (challenge.detailVisible) return <Typography.Paragraph className="pre-wrap">{challenge.detail}</Typography.Paragraph>;
  return <Alert type="info" showIcon title={t('challenge.ndaGate')} description={t('challenge.ndaGateText')} data-testid="nda-gate" />;
}

/** Public challenge page: summary, indicators, reward, window with a live countdown, rubric, answered Q&A, gated detail. */
export default function ChallengePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const challenge = useChallenge(id);
  const { me } = useAuth();
  if (challenge.error) return <ErrorAlert error={challenge.error} onRetry={() => void challenge.refetch()} />;
  if (!challenge.data) return <Spin size="large" className="page-spin" />;
  const c = challenge.data;
  const owner = Boolean(me?.organisations.some((org) => org.orgId === c.orgId));
  const admin = Boolean(me && hasRole(me, 'admin'));
  const afterClosing = !['DRAFT', 'SUBMITTED', 'REJECTED', 'PUBLISHED', 'CANCELLED'].includes(c.status);
  return (
    <>
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {c.title}
        </Typography.Title>
        <StatusTag status={c.status} />
        <FieldTag field={c.industryField} />
      </Space>
      <Typography.Paragraph type="secondary">{c.orgName}</Typography.Paragraph>
      {c.rejectionReason && c.status === 'REJECTED' && (
        <Alert type="warning" showIcon title={t('challenge.rejected')} description={c.rejectionReason} className="block-gap" />
      )}
      <Row gutter={[16, 16]}>
        {me && (
          <Col span={24}>
            <Card title={t('challenge.actions')} data-testid="challenge-actions">
              {owner && <OwnerActions challenge={c} />}
              {admin && <ReviewActions challenge={c} />}
              {!owner && c.status !== 'SUBMITTED' && <SolverActions challenge={c} />}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={16}>
          <Card title={t('challenge.summary')}>
            <Typography.Paragraph className="pre-wrap">{c.summary}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('challenge.reward')}>{formatFen(c.rewardFen, language)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.winners')}>{c.winners}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.opensAt')}>{formatDateTime(c.opensAt, language)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.closesAt')}>{formatDateTime(c.closesAt, language)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.closesIn')}>
                <Countdown until={c.closesAt} endedText={t('challenge.biddingClosed')} />
              </Descriptions.Item>
              <Descriptions.Item label={t('challenge.ipTerms')}>{t(`ipTerms.${c.ipTerms}`)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.eligibility')}>{t(`eligibility.${c.eligibility}`)}</Descriptions.Item>
              <Descriptions.Item label={t('challenge.passMark')}>{c.passMark}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('challenge.indicators')}>
            <IndicatorTable indicators={c.indicators} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('challenge.rubric')}>
            <RubricTable rubric={c.rubric} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('challenge.detail')}>
            <Detail challenge={c} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('challenge.questions')}>
            <AnsweredQuestions challengeId={c.id} />
          </Card>
        </Col>
        {owner && (
          <Col span={24}>
            <Card title={t('owner.pending')}>
              <PendingQuestions challengeId={c.id} />
            </Card>
          </Col>
        )}
        {(owner || admin) && afterClosing && (
          <Col span={24}>
            <Card title={t('owner.bids')}>
              <OpenedBids challenge={c} />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Amendments challengeId={c.id} />
        </Col>
      </Row>
    </>
  );
}
