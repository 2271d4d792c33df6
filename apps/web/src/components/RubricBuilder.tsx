import { Button, Col, Form, Input, InputNumber, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../api/types';
import { newCriterion, TOTAL_WEIGHT, weights } from '../lib/rubric';

/**
 * The rubric inside a form, at `name`: one row per criterion. A weight edited by hand is kept
 * and the others are rebalanced in proportion when the field is left, so the sum stays 100.
 * Every input is a form field, so the API's messages (e.g. rubric.1.maxScore) land at it.
 */
export function RubricBuilder({ name = 'rubric' }: { name?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rubric: Criterion[] = Form.useWatch(name, form) ?? [];
  const sum = rubric.reduce((total, c) => total + (Number(c?.weight) || 0), 0);
  const rebalance = (index: number) => {
    const current: Criterion[] = form.getFieldValue(name) ?? [];
    form.setFieldValue(name, weights.set(current, index, Number(current[index]?.weight) || 1));
  };

  return (
    <Form.List name={name}>
      {(fields) => (
        <div data-testid="rubric-builder">
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top" data-testid="rubric-row">
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'name']} label={t('rubric.name')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[field.name, 'key']} label={t('rubric.key')} tooltip={t('rubric.keyHint')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name={[field.name, 'description']} label={t('rubric.description')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={8} md={3}>
                <Form.Item name={[field.name, 'weight']} label={t('rubric.weight')}>
                  <InputNumber
                    aria-label={`${t('rubric.weight')} ${index + 1}`}
                    min={1}
                    max={TOTAL_WEIGHT}
                    precision={0}
                    suffix="%"
                    onBlur={() => rebalance(index)}
                    onPressEnter={() => rebalance(index)}
                    onStep={() => rebalance(index)}
                  />
                </Form.Item>
              </Col>
              <Col xs={8} md={3}>
                <Form.Item name={[field.name, 'maxScore']} label={t('rubric.maxScore')}>
                  <InputNumber min={1} max={1000} precision={0} />
                </Form.Item>
              </Col>
              <Col xs={8} md={2}>
                <Form.Item label=" ">
                  <Button danger disabled={fields.length === 1} onClick={() => form.setFieldValue(name, weights.remove(form.getFieldValue(name), index))}>
                    {t('common.remove')}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button onClick={() => {
              const current: Criterion[] = form.getFieldValue(name) ?? [];
              form.setFieldValue(name, weights.add(current, newCriterion(current)));
            }}>{t('rubric.add')}</Button>{' '}
          <Typography.Text>
            {t('rubric.sum')}: <Tag color={sum === TOTAL_WEIGHT ? 'green' : 'red'} data-testid="rubric-sum">{`${sum}%`}</Tag>
          </Typography.Text>
        </div>
      )}
    </Form.List>
  );
}
