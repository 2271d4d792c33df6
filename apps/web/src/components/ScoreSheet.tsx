import { InputNumber, Progress, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../api/types';
import { formatPoints, weightedTotal } from '@app/domain/evaluation/scoring';
import { isComplete, type Scores } from '../lib/scoring';

interface Props {
  criteria: Criterion[];
  value: Scores;
  onChange(next: Scores): void;
  disabled?: boolean;
  /** Enter in a score field: submit the sheet. */
  onSubmit?(): void;
  /** A refusal's message per criterion key, shown at its field. */
  errors?: Record<string, string>;
}

/** A control per criterion and the running weighted total (Σ score / max × weight), computed like the server. */
export function ScoreSheet({ criteria, value, onChange, disabled, onSubmit, errors = {} }: Props) {
  const { t } = useTranslation();
  const total = weightedTotal(criteria, value);
  // The whole rubric's weights sum to 100; a sheet of the technical criteria only (two envelopes) to less.
  const outOf = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Criterion>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={criteria}
        columns={[
          {
            title: t('rubric.name'),
            render: (_, c) => (
              <>
                <Typography.Text strong>{c.name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{c.description}</Typography.Text>
              </>
            ),
          },
          { title: t('rubric.weight'), dataIndex: 'weight', render: (weight: number) => `${weight}%`, width: 72, className: 'nowrap' },
          {
            title: t('scoring.score'),
            width: 200,
            render: (_, c) => (
              <>
                <Space className="nowrap">
                  {/* Arrow keys step by 0.5 (the control's keyboard support); Enter submits the sheet. */}
                  <InputNumber
                    aria-label={c.name}
                    size="large"
                    min={0}
                    max={c.maxScore}
                    step={0.5}
                    precision={2}
                    disabled={disabled}
                    status={errors[c.key] ? 'error' : undefined}
                    value={value[c.key] ?? null}
                    onChange={(score) => onChange({ ...value, [c.key]: score })}
                    onPressEnter={onSubmit}
                  />
                  <Typography.Text type="secondary">/ {c.maxScore}</Typography.Text>
                </Space>
                {errors[c.key] && (
                  <Typography.Text type="danger" role="alert" className="field-error">
                    {errors[c.key]}
                  </Typography.Text>
                )}
              </>
            ),
          },
        ]}
      />
      <Space align="center" size="large">
        <Statistic title={t('scoring.total')} value={formatPoints(total)} suffix={`/ ${outOf}`} data-testid="weighted-total" />
        <Progress type="circle" size={56} percent={total / outOf} format={() => ''} status={isComplete(criteria, value) ? 'success' : 'normal'} />
        {!isComplete(criteria, value) && <Typography.Text type="warning">{t('scoring.incomplete')}</Typography.Text>}
      </Space>
    </Space>
  );
}
