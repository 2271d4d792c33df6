import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion, Indicator } from '../api/types';

export function RubricTable({ rubric }: { rubric: Criterion[] }) {
  const { t } = useTranslation();
  return (
    <Table<Criterion>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rubric}
      columns={[
        { title: t('rubric.name'), dataIndex: 'name' },
        { title: t('rubric.description'), dataIndex: 'description' },
        { title: t('rubric.weight'), dataIndex: 'weight', render: (weight: number) => `${weight}%` },
        { title: t('rubric.maxScore'), dataIndex: 'maxScore' },
      ]}
    />
  );
}

export function IndicatorTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  return (
    <Table<Indicator>
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={indicators}
      columns={[
        { title: t('indicator.name'), dataIndex: 'name' },
        { title: t('indicator.target'), render: (_, row) => `${row.target} ${row.unit}`.trim() },
        { title: t('indicator.measurement'), dataIndex: 'measurement' },
      ]}
    />
  );
}
