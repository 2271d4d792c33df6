import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { DEFAULT_PASS_MARK } from '@app/domain/evaluation/scoring';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useChallenge } from '../api/challenges';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { ELIGIBILITY, INDUSTRY_FIELDS, IP_TERMS, type Challenge, type Criterion, type Indicator } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert, useApiForm } from '../components/ErrorAlert';
import { fenField, instantField, InstantPicker, YuanInput } from '../components/MoneyInput';
import { RubricBuilder } from '../components/RubricBuilder';
import { TeamPicker } from '../components/TeamPicker';
import { newCriterion, weights } from '../lib/rubric';

/** The challenge's terms as the API takes them (CreateChallengeDto), plus the note of an amendment. */
interface Terms {
  orgId?: string;
  title: string;
  summary: string;
  detail: string;
  industryField: string;
  tags: string[];
  indicators: Indicator[];
  rewardFen: number;
  winners: number;
  opensAt: string;
  closesAt: string;
  eligibility: string;
  invitedTeamIds: string[];
  invitedOrgIds: string[];
  ipTerms: string;
  ndaRequired: boolean;
  passMark: number;
  rubric: Criterion[];
  changeNote?: string;
}

type Mode = 'new' | 'edit' | 'amend';

/** What stays as published: shown, not editable, in an amendment. */
const FROZEN_WHEN_PUBLISHED = new Set(['rubric', 'passMark', 'opensAt', 'winners', 'ipTerms', 'ndaRequired', 'eligibility']);

function blankTerms(): Partial<Terms> {
  const first = newCriterion([]);
  const rubric = weights.add(weights.add([], { ...first }), newCriterion([first]));
  const now = dayjs().startOf('minute');
  return {
    tags: [],
    indicators: [{ name: '', target: '', unit: '', measurement: '' }],
    winners: 1,
    opensAt: now.toISOString(),
    closesAt: now.add(30, 'day').toISOString(),
    eligibility: 'OPEN',
    invitedTeamIds: [],
    invitedOrgIds: [],
    ipTerms: 'TRANSFER',
    ndaRequired: false,
    passMark: DEFAULT_PASS_MARK,
    rubric,
  };
}

function termsOf(c: Challenge): Partial<Terms> {
  return {
    title: c.title,
    summary: c.summary,
    detail: c.detail ?? '',
    industryField: c.industryField,
    tags: c.tags,
    indicators: c.indicators,
    rewardFen: c.rewardFen,
    winners: c.winners,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    eligibility: c.eligibility,
    invitedTeamIds: c.invitedTeamIds ?? [],
    invitedOrgIds: c.invitedOrgIds ?? [],
    ipTerms: c.ipTerms,
    ndaRequired: c.ndaRequired,
    passMark: c.passMark,
    rubric: c.rubric,
  };
}

/** Only what changed, so an amendment says exactly what it amends. */
function changedTerms(before: Partial<Terms>, after: Terms): Partial<Terms> {
  return Object.fromEntries(
    Object.entries(after).filter(([key, value]) => key === 'changeNote' || JSON.stringify(value) !== JSON.stringify(before[key as keyof Terms])),
  );
}

function Editor({ mode, challenge }: { mode: Mode; challenge?: Challenge }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { form, report, reset, alert } = useApiForm<Terms>();
  const initial = challenge ? termsOf(challenge) : blankTerms();
  const eligibility = Form.useWatch('eligibility', form);
  const frozen = (name: string) => mode === 'amend' && FROZEN_WHEN_PUBLISHED.has(name);
  const save = useAction(
    (values: Terms) => {
      if (mode === 'new') return api.post<Challenge>('/api/challenges', values);
      if (mode === 'edit') return api.patch<Challenge>(`/api/challenges/${challenge?.id}`, values);
      return api.post<Challenge>(`/api/challenges/${challenge?.id}/amendments`, changedTerms(initial, values));
    },
    { invalidate: [['challenges'], ['challenge']], successText: t('editor.saved'), onSuccess: (saved) => {
        navigate(`/challenges/${saved.id}`);
      }, onError: report },
  );
  const verifiedOrgs = (me?.organisations ?? []).filter((org) => org.kind === 'ENTERPRISE' && org.verified);
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => {
        reset();
        save.mutate(values);
      }}
      scrollToFirstError
    >
      <Card title={t('editor.basics')} className="block-gap">
        {mode === 'new' && verifiedOrgs.length > 1 && (
          <Form.Item name="orgId" label={t('editor.org')}>
            <Select options={verifiedOrgs.map((org) => ({ value: org.orgId, label: org.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('editor.title')} rules={required}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="summary" label={t('challenge.summary')} rules={required} extra={t('editor.summaryHint')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="detail" label={t('challenge.detail')} rules={required} extra={t('editor.detailHint')}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="industryField" label={t('list.field')} rules={required}>
              <Select options={INDUSTRY_FIELDS.map((value) => ({ value, label: t(`field.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="tags" label={t('editor.tags')}>
              <Select mode="tags" open={false} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('challenge.indicators')} className="block-gap">
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} data-testid="indicator-row">
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'name']} label={t('indicator.name')} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'target']} label={t('indicator.target')} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[field.name, 'unit']} label={t('indicator.unit')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'measurement']} label={t('indicator.measurement')} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <Form.Item label=" ">
                      <Button danger disabled={fields.length === 1} onClick={() => remove(field.name)}>
                        {t('common.remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ name: '', target: '', unit: '', measurement: '' })}>{t('editor.addIndicator')}</Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('editor.terms')} className="block-gap">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="rewardFen" label={t('challenge.reward')} rules={required} {...fenField}>
              <YuanInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="winners" label={t('challenge.winners')} extra={t('editor.winnersHint')}>
              <InputNumber min={1} max={20} precision={0} disabled={frozen('winners')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="passMark" label={t('challenge.passMark')}>
              <InputNumber min={0} max={100} precision={0} disabled={frozen('passMark')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ipTerms" label={t('challenge.ipTerms')}>
              <Select disabled={frozen('ipTerms')} options={IP_TERMS.map((value) => ({ value, label: t(`ipTerms.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="opensAt" label={t('challenge.opensAt')} rules={required} {...instantField}>
              <InstantPicker disabled={frozen('opensAt')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="closesAt" label={t('challenge.closesAt')} rules={required} extra={mode === 'amend' ? t('editor.closesLaterOnly') : undefined} {...instantField}>
              <InstantPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ndaRequired" label={t('editor.nda')} valuePropName="checked">
              <Switch disabled={frozen('ndaRequired')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="eligibility" label={t('challenge.eligibility')}>
              <Select disabled={frozen('eligibility')} options={ELIGIBILITY.map((value) => ({ value, label: t(`eligibility.${value}`) }))} />
            </Form.Item>
          </Col>
          {eligibility === 'INVITE_ONLY' && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="invitedTeamIds" label={t('editor.invitedTeams')}>
                  <TeamPicker />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="invitedOrgIds" label={t('editor.invitedOrgs')} extra={t('editor.invitedOrgsHint')}>
                  <Select mode="tags" open={false} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Card>

      <Card title={t('challenge.rubric')} className="block-gap" extra={frozen('rubric') && <Typography.Text type="secondary">{t('editor.rubricFrozen')}</Typography.Text>}>
        {frozen('rubric') ? <Typography.Text>{t('editor.rubricFrozen')}</Typography.Text> : <RubricBuilder />}
      </Card>

      {mode === 'amend' && (
        <Card title={t('editor.changeNote')} className="block-gap">
          <Form.Item name="changeNote" label={t('editor.changeNote')} rules={required} extra={t('editor.changeNoteHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Card>
      )}
      {alert}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {mode === 'amend' ? t('editor.publishAmendment') : t('editor.saveDraft')}
        </Button>
        <Button
          onClick={() => {
            navigate(-1);
          }}
        >{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Enterprise: a new challenge, a draft's edit, or an amendment of a published one (with its change note). */
export default function ChallengeEditorPage() {
  const { id, mode: routeMode } = useParams();
  const { t } = useTranslation();
  const mode: Mode = !id ? 'new' : routeMode === 'amend' ? 'amend' : 'edit';
  const challenge = useChallenge(id ?? '', Boolean(id));
  if (id && challenge.error) return <ErrorAlert error={challenge.error} onRetry={() => void challenge.refetch()} />;
  if (id && !challenge.data) return <Spin size="large" className="page-spin" />;
  return (
    <>
      <Typography.Title level={2}>{t(`editor.heading.${mode}`)}</Typography.Title>
      <Editor key={`${id}-${challenge.data?.version}`} mode={mode} challenge={challenge.data} />
    </>
  );
}
