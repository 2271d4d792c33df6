import { Alert, Button, Descriptions, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { Expert, PanelDraw } from '../../api/types';
import { Hash } from '../../components/BidBits';
import { useNotifyError } from '../../components/ErrorAlert';

interface DrawRequest {
  size: number;
  fields: string[];
  alternates: number;
}

/**
 * The bureau draws the panel (随机抽取): it states size, fields and alternates, commits (the seed's
 * hash and the eligible pool are recorded before anyone can know the result), then runs the draw,
 * which reveals the seed. A challenge has one draw: a second commit finds the first again.
 */
export function PanelDrawStep({ challengeId, experts, draw, onDraw }: { challengeId: string; experts: Expert[]; draw: PanelDraw | null; onDraw: (draw: PanelDraw) => void }) {
  const { t } = useTranslation();
  const notify = useNotifyError();
  const [request, setRequest] = useState<DrawRequest>({ size: 5, fields: [], alternates: 2 });
  const fields = [...new Set(experts.flatMap((expert) => expert.fields))].sort();
  const name = (userId: string) => experts.find((expert) => expert.userId === userId)?.displayName ?? userId;
  const commit = useAction(
    async () => {
      try {
        return await api.post<PanelDraw>('/api/rooms/draws', { challengeId, ...request });
      } catch (error) {
        const existing = error instanceof ApiError && error.code === 'DRAW_EXISTS' ? (error.details as unknown as { drawId?: string }).drawId : undefined;
        if (existing) return api.get<PanelDraw>(`/api/rooms/draws/${existing}`);
        throw error;
      }
    },
    { onSuccess: onDraw, onError: notify },
  );
  const run = useAction(() => api.post<PanelDraw>(`/api/rooms/draws/${draw?.id ?? ''}/run`), { onSuccess: onDraw, onError: notify });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="panel-draw">
      {!draw && (
        <Space wrap align="end">
          <Form.Item label={t('draw.size')} style={{ marginBottom: 0 }}>
            <InputNumber aria-label={t('draw.size')} min={3} max={15} step={2} value={request.size} onChange={(size) => setRequest((current) => ({ ...current, size: size ?? 5 }))} />
          </Form.Item>
          <Form.Item label={t('draw.fields')} style={{ marginBottom: 0 }}>
            <Select
              aria-label={t('draw.fields')}
              mode="multiple"
              style={{ minWidth: 260 }}
              value={request.fields}
              onChange={(chosen: string[]) => setRequest((current) => ({ ...current, fields: chosen }))}
              options={fields.map((field) => ({ value: field, label: field }))}
            />
          </Form.Item>
          <Form.Item label={t('draw.alternates')} style={{ marginBottom: 0 }}>
            <InputNumber aria-label={t('draw.alternates')} min={0} max={10} value={request.alternates} onChange={(alternates) => setRequest((current) => ({ ...current, alternates: alternates ?? 0 }))} />
          </Form.Item>
          <Button onClick={() => commit.mutate()} loading={commit.isPending} disabled={request.fields.length === 0}>
            {t('draw.commit')}
          </Button>
        </Space>
      )}
      {draw && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('draw.status')}>
            <Tag color={draw.status === 'RUN' ? 'green' : 'gold'} data-testid="draw-status">
              {t(`draw.statuses.${draw.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.request')}>{t('draw.requestText', { size: draw.size, alternates: draw.alternates, fields: draw.fields.join('、') })}</Descriptions.Item>
          <Descriptions.Item label={t('draw.pool')}>{t('draw.poolText', { size: draw.poolSize, excluded: draw.exclusions?.length ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('draw.seedHash')}>
            <Hash value={draw.seedHash} />
          </Descriptions.Item>
          {draw.seed && (
            <Descriptions.Item label={t('draw.seed')}>
              <Hash value={draw.seed} />
            </Descriptions.Item>
          )}
          {draw.panel && (
            <Descriptions.Item label={t('draw.panel')}>
              <span data-testid="drawn-panel">{draw.panel.map(name).join('、')}</span>
            </Descriptions.Item>
          )}
          {draw.drawnAlternates && draw.drawnAlternates.length > 0 && (
            <Descriptions.Item label={t('draw.drawnAlternates')}>{draw.drawnAlternates.map(name).join(' → ')}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {draw?.status === 'COMMITTED' && (
        <Space>
          <Alert type="info" showIcon title={t('draw.committedHint')} />
          <Button type="primary" onClick={() => run.mutate()} loading={run.isPending}>
            {t('draw.run')}
          </Button>
        </Space>
      )}
      <Typography.Text type="secondary">{t('draw.hint')}</Typography.Text>
    </Space>
  );
}
