import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useChallenge } from '../api/challenges';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useBid, useTeam, useTeams } from '../api/queries';
import type { Bid, BidTerms } from '../api/types';
import { ErrorAlert, useApiForm } from '../components/ErrorAlert';
import { blankMilestone, MilestonesBuilder, paymentShares } from '../components/MilestonesBuilder';
import { fenField, YuanInput } from '../components/MoneyInput';
import { useLanguage } from '../i18n';
import { formatFen } from '../lib/format';

interface BidForm extends BidTerms {
  teamId?: string;
  pledgeAccepted: boolean;
}

function initialBid(bid?: Bid): Partial<BidForm> {
  if (bid) {
    const { technicalApproach, proposal, quotedPriceFen, durationDays, milestones, keyPersonnelUserIds } = bid;
    return { technicalApproach, proposal, quotedPriceFen, durationDays, milestones, keyPersonnelUserIds, pledgeAccepted: false };
  }
  return { durationDays: 180, milestones: paymentShares.add([], blankMilestone()), keyPersonnelUserIds: [], pledgeAccepted: false };
}

function BidForm({ challengeId, bid }: { challengeId: string; bid?: Bid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const challenge = useChallenge(challengeId);
  const teams = useTeams({ mine: true }, !bid);
  const { form, report, reset, alert } = useApiForm<BidForm>();
  const teamId = Form.useWatch('teamId', form) ?? bid?.teamId;
  const team = useTeam(teamId);
  // One key per submission attempt: a retry after a lost answer is applied once by the server.
  const idempotencyKey = useRef(crypto.randomUUID());
  const save = useAction(
    (values: BidForm) => {
      const headers = { 'Idempotency-Key': idempotencyKey.current };
      return bid ? api.put<Bid>(`/api/bids/${bid.id}`, values, headers) : api.post<Bid>(`/api/challenges/${challengeId}/bids`, values, headers);
    },
    {
      invalidate: [keys.bids, keys.challengeBids(challengeId), ['bid']],
      onSuccess: (saved) => {
        idempotencyKey.current = crypto.randomUUID();
        navigate(`/bids/${saved.id}`);
      },
      onError: report,
    },
  );
  const led = (teams.data ?? []).filter((summary) => summary.myRole === 'LEAD');
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ ...initialBid(bid), teamId: led.length === 1 ? led[0].id : undefined }}
      onValuesChange={() => (idempotencyKey.current = crypto.randomUUID())}
      onFinish={(values) => {
        reset();
        save.mutate(values);
      }}
      scrollToFirstError
    >
      {challenge.data && (
        <Alert
          className="block-gap"
          type="info"
          title={challenge.data.title}
          description={`${t('challenge.reward')}: ${formatFen(challenge.data.rewardFen, language)}`}
        />
      )}
      <Card title={t('bid.terms')} className="block-gap">
        {!bid && (
          <Form.Item name="teamId" label={t('bid.team')} rules={required} extra={t('bid.teamHint')}>
            <Select options={led.map((summary) => ({ value: summary.id, label: summary.name }))} notFoundContent={t('solver.noLedTeam')} />
          </Form.Item>
        )}
        <Form.Item name="technicalApproach" label={t('bid.approach')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="proposal" label={t('bid.proposal')} rules={required} extra={t('bid.proposalHint')}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="quotedPriceFen" label={t('bid.price')} rules={required} {...fenField}>
            <YuanInput />
          </Form.Item>
          <Form.Item name="durationDays" label={t('bid.duration')} rules={required}>
            <InputNumber min={1} precision={0} suffix={t('bid.days')} />
          </Form.Item>
        </Space>
      </Card>
      <Card title={t('bid.milestones')} className="block-gap">
        <MilestonesBuilder />
      </Card>
      <Card title={t('bid.personnel')} className="block-gap">
        <Form.Item name="keyPersonnelUserIds" label={t('bid.personnel')}>
          <Select mode="multiple" loading={team.isFetching} options={(team.data?.members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))} />
        </Form.Item>
        <Form.Item name="pledgeAccepted" valuePropName="checked">
          <Checkbox>{t('bid.pledge')}</Checkbox>
        </Form.Item>
      </Card>
      {alert}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {bid ? t('bid.revise') : t('bid.submit')}
      </Button>
    </Form>
  );
}

/** Team lead: a new sealed bid on a challenge, or a revision of one (each gets a receipt). */
export default function BidEditorPage() {
  const { id, bidId } = useParams();
  const { t } = useTranslation();
  const bid = useBid(bidId);
  if (bid.error) return <ErrorAlert error={bid.error} />;
  if (bidId && !bid.data) return <Spin size="large" className="page-spin" />;
  const challengeId = bid.data?.challengeId ?? id ?? '';
  return (
    <>
      <Typography.Title level={2}>{bid.data ? t('bid.reviseTitle') : t('bid.newTitle')}</Typography.Title>
      <BidForm key={bid.data?.revision ?? 'new'} challengeId={challengeId} bid={bid.data} />
    </>
  );
}
