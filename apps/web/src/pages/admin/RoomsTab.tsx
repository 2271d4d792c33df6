import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_ENVELOPES, ENVELOPES, PRICE_SCORINGS, type Envelopes, type PriceScoring } from '@app/domain/evaluation/envelopes';
import { type Aggregation, AGGREGATIONS, DEFAULT_AGGREGATION } from '@app/domain/evaluation/scoring';
import { useChallenge, useChallengePages } from '../../api/challenges';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useChallengeBids } from '../../api/queries';
import type { RoomSnapshot } from '../../api/room-types';
import type { BidSummary, PanelDraw, Team } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiForm } from '../../components/ErrorAlert';
import { useExperts } from './ExpertsTab';
import { ConveningWarnings } from './ConveningWarnings';
import { PanelDrawStep } from './PanelDraw';

interface Slot {
  bidId: string;
  presentationMinutes: number;
  qaMinutes: number;
}

type PanelSelection = 'DRAWN' | 'HAND_PICKED';

interface Convening {
  challengeId: string;
  panelSelection: PanelSelection;
  judgeIds: string[];
  handPickedReason?: string;
  warningsAcknowledged?: string;
  chairUserId: string;
  aggregation: Aggregation;
  objectionWindowMinutes: number;
  envelopes: Envelopes;
  priceCriterionKey?: string;
  priceScoring?: PriceScoring;
}

/** What POST /api/rooms takes from the form: the panel by its draw, or hand-picked with the reason. */
type ConveneBody = Omit<Convening, 'panelSelection' | 'judgeIds'> & ({ drawId?: string } | { judgeIds: string[]; handPickedReason?: string });

/** The shortlisted bids in presentation order, with their slot lengths. */
function SlotOrder({ bids, slots, onChange }: { bids: BidSummary[]; slots: Slot[]; onChange: (slots: Slot[]) => void }) {
  const { t } = useTranslation();
  const move = (index: number, by: number) => {
    const next = [...slots];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const set = (index: number, change: Partial<Slot>) => onChange(slots.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));
  return (
    <Table<Slot>
      size="small"
      pagination={false}
      rowKey="bidId"
      dataSource={slots}
      columns={[
        { title: '#', render: (_, __, index) => index + 1 },
        { title: t('bid.team'), render: (_, slot) => bids.find((bid) => bid.id === slot.bidId)?.teamName },
        { title: t('convene.presentation'), render: (_, slot, index) => <InputNumber min={1} max={240} value={slot.presentationMinutes} onChange={(v) => set(index, { presentationMinutes: v ?? 1 })} /> },
        { title: t('convene.qa'), render: (_, slot, index) => <InputNumber min={0} max={240} value={slot.qaMinutes} onChange={(v) => set(index, { qaMinutes: v ?? 0 })} /> },
        {
          title: t('common.actions'),
          render: (_, __, index) => (
            <Space>
              <Button size="small" disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </Button>
              <Button size="small" disabled={index === slots.length - 1} onClick={() => move(index, 1)}>
                ↓
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Bureau: convene a room for a closed challenge: judges (conflicts shown), chair, bid order and slots. */
export default function RoomsTab() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { form, report, reset, alert } = useApiForm<Convening>();
  const challengeId: string | undefined = Form.useWatch('challengeId', form);
  const selection: PanelSelection = Form.useWatch('panelSelection', form) ?? 'DRAWN';
  const [draws, setDraws] = useState<Record<string, PanelDraw>>({});
  const draw = draws[challengeId ?? ''] ?? null;
  const picked: string[] = Form.useWatch('judgeIds', form) ?? [];
  // The panel: the draw's (once run) or the bureau's own choice.
  const judgeIds = selection === 'DRAWN' ? (draw?.panel ?? []) : picked;
  const envelopes: Envelopes = Form.useWatch('envelopes', form) ?? DEFAULT_ENVELOPES;
  const challenge = useChallenge(challengeId ?? '', challengeId !== undefined);
  const closed = useChallengePages({ status: 'CLOSED' });
  const experts = useExperts();
  const bids = useChallengeBids(challengeId ?? '');
  const shortlisted = (challengeId ? (bids.data?.bids ?? []) : []).filter((bid) => bid.status === 'SHORTLISTED');
  const [order, setOrder] = useState<Record<string, Slot[]>>({});
  const slots = order[challengeId ?? ''] ?? shortlisted.map((bid) => ({ bidId: bid.id, presentationMinutes: 15, qaMinutes: 10 }));
  const teams = useQueries({ queries: shortlisted.map((bid) => ({ queryKey: ['team', bid.teamId], queryFn: () => api.get<Team>(`/api/teams/${bid.teamId}`) })) });
  const conflicts = judgeIds.flatMap((judgeId) => {
    const expert = experts.data?.find((e) => e.userId === judgeId);
    return teams
      .map((team) => team.data)
      .filter((team): team is Team => Boolean(team && expert?.affiliation && team.orgId === expert.affiliation.orgId))
      .map((team) => ({ judge: expert?.displayName ?? judgeId, team: team.name }));
  });
  const convene = useAction((values: ConveneBody) => api.post<RoomSnapshot>('/api/rooms', { ...values, bids: slots }), {
    invalidate: [['rooms']],
    onSuccess: (room) => {
      navigate(`/rooms/${room.roomId}`);
    },
    onError: report,
  });
  const chairOptions = [
    ...(me ? [{ value: me.id, label: `${me.displayName} (${t('convene.me')})` }] : []),
    ...judgeIds.map((id) => ({ value: id, label: experts.data?.find((e) => e.userId === id)?.displayName ?? id })),
  ];
  return (
    <Card title={t('convene.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ aggregation: DEFAULT_AGGREGATION, objectionWindowMinutes: 0, judgeIds: [], envelopes: DEFAULT_ENVELOPES, priceScoring: 'FORMULA', panelSelection: 'DRAWN' }}
        onFinish={({ priceCriterionKey, priceScoring, panelSelection, judgeIds: chosen, handPickedReason, ...values }) => {
          reset();
          // A drawn panel is named by its draw; a hand-picked one needs its reason. The price options belong to two envelopes only.
          const panel = panelSelection === 'DRAWN' ? { drawId: draw?.id } : { judgeIds: chosen, handPickedReason };
          convene.mutate({ ...values, ...panel, ...(values.envelopes === 'TWO' ? { priceCriterionKey, priceScoring } : {}) });
        }}
      >
        <Form.Item name="challengeId" label={t('bid.challenge')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={(closed.data?.pages.flatMap((page) => page.items) ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        {challengeId && (
          <Form.Item label={t('convene.bids')} extra={t('convene.bidsHint')}>
            <SlotOrder bids={shortlisted} slots={slots} onChange={(next) => setOrder({ ...order, [challengeId]: next })} />
          </Form.Item>
        )}
        <Form.Item name="panelSelection" label={t('convene.panelSelection')}>
          <Radio.Group options={(['DRAWN', 'HAND_PICKED'] as const).map((value) => ({ value, label: t(`convene.panelSelections.${value}`) }))} />
        </Form.Item>
        {selection === 'DRAWN' && challengeId && (
          <Form.Item label={t('convene.drawnPanel')}>
            <PanelDrawStep challengeId={challengeId} experts={experts.data ?? []} draw={draw} onDraw={(next) => setDraws({ ...draws, [challengeId]: next })} />
          </Form.Item>
        )}
        {selection === 'HAND_PICKED' && (
          <>
            <Form.Item name="judgeIds" label={t('convene.judges')} extra={t('convene.judgesHint')}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(experts.data ?? []).map((e) => ({ value: e.userId, label: `${e.displayName} · ${e.affiliation?.name ?? e.title}` }))} />
            </Form.Item>
            <Form.Item name="handPickedReason" label={t('convene.handPickedReason')} extra={t('convene.handPickedHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {conflicts.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="block-gap"
            title={t('convene.conflicts')}
            description={conflicts.map((c) => (
              <div key={`${c.judge}-${c.team}`}>
                <Tag color="orange">{c.judge}</Tag> ↔ {c.team}
              </div>
            ))}
          />
        )}
        {challengeId && <ConveningWarnings challengeId={challengeId} judgeIds={judgeIds} experts={experts.data ?? []} />}
        <Form.Item name="chairUserId" label={t('convene.chair')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={chairOptions} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="aggregation" label={t('convene.aggregation')}>
            <Select style={{ width: 200 }} options={AGGREGATIONS.map((value) => ({ value, label: t(`convene.aggregations.${value}`) }))} />
          </Form.Item>
          <Form.Item name="objectionWindowMinutes" label={t('convene.objectionWindow')}>
            <InputNumber min={0} max={43200} />
          </Form.Item>
        </Space>
        <Form.Item name="envelopes" label={t('convene.envelopes')} extra={t('convene.envelopesHint')}>
          <Radio.Group options={ENVELOPES.map((value) => ({ value, label: t(`convene.envelopeModes.${value}`) }))} />
        </Form.Item>
        {envelopes === 'TWO' && (
          <Space size="large" wrap>
            <Form.Item name="priceCriterionKey" label={t('convene.priceCriterion')} rules={[{ required: true, message: t('common.required') }]}>
              <Select style={{ width: 280 }} options={(challenge.data?.rubric ?? []).map((c) => ({ value: c.key, label: c.name }))} />
            </Form.Item>
            <Form.Item name="priceScoring" label={t('convene.priceScoring')}>
              <Radio.Group options={PRICE_SCORINGS.map((value) => ({ value, label: t(`convene.priceScorings.${value}`) }))} />
            </Form.Item>
          </Space>
        )}
        {alert}
        <Button type="primary" htmlType="submit" loading={convene.isPending}>
          {t('convene.submit')}
        </Button>
      </Form>
    </Card>
  );
}
