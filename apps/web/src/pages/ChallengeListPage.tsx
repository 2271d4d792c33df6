import { Col, Empty, Input, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useChallengePages, type ChallengeFilters } from '../api/challenges';
import { INDUSTRY_FIELDS, type ChallengeStatus, type IndustryField } from '../api/types';
import { FieldTag, StatusTag } from '../components/ChallengeTags';
import { Countdown } from '../components/Countdown';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLanguage } from '../i18n';
import { formatFen } from '../lib/format';

const PUBLIC_STATUSES: ChallengeStatus[] = ['PUBLISHED', 'CLOSED', 'EVALUATING', 'AWARDED', 'IN_DELIVERY', 'COMPLETED'];

/** Calls `onVisible` whenever the returned element scrolls into view. */
function useSentinel(onVisible: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && callback.current(), { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** One-of filter chips (lighter than a Select on the first page); a second click clears. */
function Chips<T extends string>(props: { label: string; values: readonly T[]; selected?: T; text: (value: T) => string; onChange: (value?: T) => void }) {
  return (
    <div className="block-gap" role="group" aria-label={props.label}>
      <Typography.Text type="secondary">{props.label}: </Typography.Text>
      {props.values.map((value) => (
        <Tag.CheckableTag key={value} checked={props.selected === value} onChange={(checked) => props.onChange(checked ? value : undefined)}>
          {props.text(value)}
        </Tag.CheckableTag>
      ))}
    </div>
  );
}

/** Public: search (Chinese or English substring), filters kept in the URL, infinite scroll over the cursor API. */
export default function ChallengeListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const filters: ChallengeFilters = {
    q: params.get('q') ?? undefined,
    field: (params.get('field') as IndustryField | null) ?? undefined,
    status: (params.get('status') as ChallengeStatus | null) ?? undefined,
  };
  const pages = useChallengePages(filters);
  const sentinel = useSentinel(() => {
    // fetchNextPage() keeps a failure in the query's state (shown by the list); it does not reject.
    if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  });
  const setFilter = (name: keyof ChallengeFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Typography.Title level={2}>{t('list.title')}</Typography.Title>
      <Space wrap className="block-gap">
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 320 }}
        />
      </Space>
      <Chips label={t('list.field')} values={INDUSTRY_FIELDS} selected={filters.field} text={(v) => t(`field.${v}`)} onChange={(v) => setFilter('field', v)} />
      <Chips label={t('list.status')} values={PUBLIC_STATUSES} selected={filters.status} text={(v) => t(`status.${v}`)} onChange={(v) => setFilter('status', v)} />
      {pages.error && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.isPending ? (
        <Spin className="page-spin" />
      ) : items.length === 0 ? (
        <Empty description={t('list.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((item) => (
            <Col xs={24} md={12} xl={8} key={item.id}>
              <div className="challenge-card" data-testid="challenge-card">
                <Space className="challenge-card-head" align="start">
                  <Link to={`/challenges/${item.id}`} className="challenge-card-title">
                    {item.title}
                  </Link>
                  <StatusTag status={item.status} />
                </Space>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
                  {item.summary}
                </Typography.Paragraph>
                <Space wrap>
                  <FieldTag field={item.industryField} />
                  <Typography.Text strong>{formatFen(item.rewardFen, language)}</Typography.Text>
                  <Typography.Text type="secondary">{item.orgName}</Typography.Text>
                </Space>
                {item.status === 'PUBLISHED' && (
                  <div>
                    {t('challenge.closesIn')} <Countdown until={item.closesAt} />
                  </div>
                )}
              </div>
            </Col>
          ))}
        </Row>
      )}
      <div ref={sentinel} className="sentinel" />
      {pages.isFetchingNextPage && <Spin className="page-spin" />}
    </>
  );
}
