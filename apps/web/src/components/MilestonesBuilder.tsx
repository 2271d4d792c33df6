import { Button, Col, Form, Input, InputNumber, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../api/types';
import { shareEdits } from '../lib/shares';

export const TOTAL_BASIS_POINTS = 10_000;
export const paymentShares = shareEdits('paymentBasisPoints', TOTAL_BASIS_POINTS);

/** Basis points in the form, percent (2 decimals) on screen. */
const percentField = {
  getValueProps: (bp?: number) => ({ value: typeof bp === 'number' ? bp / 100 : undefined }),
  normalize: (pct: number | null) => (typeof pct === 'number' ? Math.round(pct * 100) : pct),
};

export const blankMilestone = (): Milestone => ({ title: '', dueDay: 30, deliverable: '', paymentBasisPoints: 0 });

/** The bid's milestones: payment shares stay at 100% (a share edited by hand is kept, the others follow). */
export function MilestonesBuilder() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const milestones: Milestone[] = Form.useWatch('milestones', form) ?? [];
  const sum = milestones.reduce((total, m) => total + (Number(m?.paymentBasisPoints) || 0), 0);
  const current = (): Milestone[] => form.getFieldValue('milestones') ?? [];
  const rebalance = (index: number) => form.setFieldValue('milestones', paymentShares.set(current(), index, Number(current()[index]?.paymentBasisPoints) || 1));
  return (
    <Form.List name="milestones">
      {(fields) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} data-testid="milestone-row">
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'title']} label={t('bid.milestone')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={8} md={3}>
                <Form.Item name={[field.name, 'dueDay']} label={t('bid.dueDay')}>
                  <InputNumber min={1} precision={0} />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item name={[field.name, 'deliverable']} label={t('bid.deliverable')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={8} md={4}>
                <Form.Item name={[field.name, 'paymentBasisPoints']} label={t('bid.share')} {...percentField}>
                  <InputNumber
                    aria-label={`${t('bid.share')} ${index + 1}`}
                    min={0.01}
                    max={100}
                    precision={2}
                    suffix="%"
                    onBlur={() => rebalance(index)}
                    onPressEnter={() => rebalance(index)}
                    onStep={() => rebalance(index)}
                  />
                </Form.Item>
              </Col>
              <Col xs={8} md={2}>
                <Form.Item label=" ">
                  <Button danger disabled={fields.length === 1} onClick={() => form.setFieldValue('milestones', paymentShares.remove(current(), index))}>
                    {t('common.remove')}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button onClick={() => form.setFieldValue('milestones', paymentShares.add(current(), blankMilestone()))}>{t('bid.addMilestone')}</Button>{' '}
          <Typography.Text>
            {t('bid.shareSum')}: <Tag color={sum === TOTAL_BASIS_POINTS ? 'green' : 'red'} data-testid="share-sum">{`${(sum / 100).toFixed(2)}%`}</Tag>
          </Typography.Text>
        </>
      )}
    </Form.List>
  );
}
