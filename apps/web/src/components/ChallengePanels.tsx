import { Button, Card, Form, Input, List, Popconfirm, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuestions } from '../api/challenges';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useChallengeBids, useDigest, useTeams, useVersions } from '../api/queries';
import type { BidSummary, Challenge, Question } from '../api/types';
import { useLanguage } from '../i18n';
import { formatDateTime, formatFen } from '../lib/format';
import { BidStatusTag, Hash } from './BidBits';
import { useApiForm } from './ErrorAlert';
import { ReasonButton } from './ReasonButton';

const challengeKeys = (c: Pick<Challenge, 'id'>) => [['challenge', c.id], ['challenges']];

/** Owner enterprise: next steps of its challenge. */
export function OwnerActions({ challenge: c }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const submit = useAction(() => api.post<Challenge>(`/api/challenges/${c.id}/submit`), { invalidate: challengeKeys(c), successText: t('owner.submitted') });
  const cancel = useAction((reason: string) => api.post<Challenge>(`/api/challenges/${c.id}/cancel`, { reason }), { invalidate: challengeKeys(c) });
  const editable = c.status === 'DRAFT' || c.status === 'REJECTED';
  return (
    <Space wrap>
      {editable && (
        <Link to={`/enterprise/challenges/${c.id}/edit`}>
          <Button>{t('enterprise.edit')}</Button>
        </Link>
      )}
      {editable && (
        <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate(undefined)}>
          {t('owner.submit')}
        </Button>
      )}
      {c.status === 'PUBLISHED' && c.biddingOpen && (
        <Link to={`/enterprise/challenges/${c.id}/amend`}>
          <Button>{t('enterprise.amend')}</Button>
        </Link>
      )}
      {['DRAFT', 'SUBMITTED', 'PUBLISHED'].includes(c.status) && (
        <ReasonButton danger title={t('owner.cancelTitle')} onConfirm={(reason) => cancel.mutateAsync(reason)}>
          {t('owner.cancel')}
        </ReasonButton>
      )}
    </Space>
  );
}

/** Bureau: publish or reject a submitted challenge. */
export function ReviewActions({ challenge: c }: { challenge: Pick<Challenge, 'id' | 'status'> }) {
  const { t } = useTranslation();
  const publish = useAction(() => api.post<Challenge>(`/api/challenges/${c.id}/publish`), { invalidate: challengeKeys(c), successText: t('review.published') });
  const reject = useAction((reason: string) => api.post<Challenge>(`/api/challenges/${c.id}/reject`, { reason }), { invalidate: challengeKeys(c) });
  if (c.status !== 'SUBMITTED') return null;
  return (
    <Space>
      <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
        {t('review.publish')}
      </Button>
      <ReasonButton danger title={t('review.rejectTitle')} onConfirm={(reason) => reject.mutateAsync(reason)}>
        {t('review.reject')}
      </ReasonButton>
    </Space>
  );
}

/** Teams: accept the NDA (leads), bid or open their bid, ask a question. */
export function SolverActions({ challenge: c }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const teams = useTeams({ mine: true });
  const bids = useChallengeBids(c.id);
  const ledTeams = (teams.data ?? []).filter((team) => team.myRole === 'LEAD');
  const [teamId, setTeamId] = useState<string>();
  const accept = useAction((team: string) => api.post(`/api/challenges/${c.id}/nda`, { teamId: team }), {
    invalidate: [['challenge', c.id]],
    successText: t('solver.ndaAccepted'),
  });
  const { form, report, reset, alert } = useApiForm<{ question: string }>();
  const ask = useAction((values: { question: string }) => api.post<Question>(`/api/challenges/${c.id}/questions`, values), {
    invalidate: [['questions', c.id]],
    successText: t('solver.asked'),
    onSuccess: () => form.resetFields(),
    onError: report,
  });
  const ownBids = bids.data?.ownBids ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.ndaRequired && !c.detailVisible && (
        <Space wrap data-testid="nda-accept">
          <Select
            placeholder={t('solver.pickTeam')}
            style={{ width: 260 }}
            value={teamId}
            onChange={setTeamId}
            options={ledTeams.map((team) => ({ value: team.id, label: team.name }))}
            notFoundContent={t('solver.noLedTeam')}
          />
          <Button type="primary" disabled={!teamId} loading={accept.isPending} onClick={() => teamId && accept.mutate(teamId)}>
            {t('solver.acceptNda')}
          </Button>
        </Space>
      )}
      {ownBids.map((bid) => (
        <Link key={bid.bidId} to={`/bids/${bid.bidId}`}>
          {t('solver.yourBid')} <BidStatusTag status={bid.status} />
        </Link>
      ))}
      {c.biddingOpen && (
        <Link to={`/challenges/${c.id}/bid`}>
          <Button type="primary">{t('solver.bid')}</Button>
        </Link>
      )}
      {bids.data && <Typography.Text type="secondary">{t('solver.bidCount', { count: bids.data.count })}</Typography.Text>}
      {c.biddingOpen && (
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => {
            reset();
            ask.mutate(values);
          }}
        >
          <Form.Item name="question" label={t('solver.question')} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={ask.isPending}>
            {t('solver.ask')}
          </Button>
          {alert}
        </Form>
      )}
    </Space>
  );
}

/** Owner: the questions still waiting for an answer (answers are shown to every solver; the asker stays anonymous). */
export function PendingQuestions({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const questions = useQuestions(challengeId);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const answer = useAction(({ id, text }: { id: string; text: string }) => api.post<Question>(`/api/challenges/${challengeId}/questions/${id}/answer`, { answer: text }), {
    invalidate: [['questions', challengeId], ['challenge', challengeId]],
  });
  const pending = (questions.data ?? []).filter((q) => q.answer === null);
  return (
    <List
      locale={{ emptyText: t('owner.noPending') }}
      dataSource={pending}
      renderItem={(q) => (
        <List.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{q.question}</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Input value={drafts[q.id] ?? ''} aria-label={t('owner.answer')} onChange={(event) => setDrafts({ ...drafts, [q.id]: event.target.value })} />
              <Button type="primary" disabled={!drafts[q.id]?.trim()} onClick={() => answer.mutate({ id: q.id, text: drafts[q.id] })}>
                {t('owner.answer')}
              </Button>
            </Space.Compact>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Owner and bureau after closing: the opened bids, the shortlist, and the published digest. */
export function OpenedBids({ challenge: c }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bids = useChallengeBids(c.id);
  const digest = useDigest(c.id, bids.data?.phase === 'CLOSED');
  const shortlist = useAction(
    ({ bidId, decision, reason }: { bidId: string; decision: 'SHORTLISTED' | 'NOT_SHORTLISTED'; reason?: string }) =>
      api.post(`/api/bids/${bidId}/shortlist`, { decision, reason }),
    { invalidate: [keys.challengeBids(c.id)] },
  );
  if (!bids.data?.opened) return <Typography.Text type="secondary">{t('solver.bidCount', { count: bids.data?.count ?? 0 })}</Typography.Text>;
  return (
    <>
      <Table<BidSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={bids.data.bids}
        columns={[
          { title: t('bid.team'), dataIndex: 'teamName' },
          { title: t('bid.price'), dataIndex: 'quotedPriceFen', render: (fen: number) => formatFen(fen, language) },
          { title: t('bid.duration'), dataIndex: 'durationDays' },
          { title: t('bid.status'), dataIndex: 'status', render: (status: BidSummary['status']) => <BidStatusTag status={status} /> },
          { title: t('bid.receipt'), render: (_, bid) => <Hash value={bid.receipt.contentHash} /> },
          { title: t('bid.receivedAt'), render: (_, bid) => formatDateTime(bid.receipt.receivedAt, language) },
          {
            title: t('common.actions'),
            render: (_, bid) => (
              <Space>
                <Popconfirm title={t('owner.shortlistConfirm')} onConfirm={() => shortlist.mutate({ bidId: bid.id, decision: 'SHORTLISTED' })}>
                  <Button size="small">{t('owner.shortlist')}</Button>
                </Popconfirm>
                <ReasonButton size="small" title={t('owner.notShortlistTitle')} onConfirm={(reason) => shortlist.mutateAsync({ bidId: bid.id, decision: 'NOT_SHORTLISTED', reason })}>
                  {t('owner.notShortlist')}
                </ReasonButton>
              </Space>
            ),
          },
        ]}
      />
      {digest.data && (
        <Typography.Paragraph className="block-gap">
          {t('owner.digest')}: <Hash value={digest.data.digest} /> <Tag>{digest.data.receipts.length}</Tag>
        </Typography.Paragraph>
      )}
    </>
  );
}

/** Everyone: the published versions and their change notes. */
export function Amendments({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useVersions(challengeId);
  if (!versions.data || versions.data.length <= 1) return null;
  return (
    <Card title={t('challenge.amendments')}>
      <Timeline
        items={versions.data.map((v) => ({
          content: (
            <>
              <Typography.Text strong>{`v${v.version}`}</Typography.Text> {formatDateTime(v.createdAt, language)}
              <div className="pre-wrap">{v.changeNote ?? t('challenge.firstVersion')}</div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
