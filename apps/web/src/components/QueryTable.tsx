import { Table } from 'antd';
import type { TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert';

/** A table over a list query: its error (with retry) above, its loading state inside. */
export function QueryTable<T extends object>({ result, ...props }: { result: UseQueryResult<T[]> } & Omit<TableProps<T>, 'dataSource' | 'loading'>) {
  return (
    <>
      {result.error && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      <Table<T> size="middle" pagination={false} {...props} dataSource={result.data ?? []} loading={result.isPending && result.fetchStatus !== 'idle'} />
    </>
  );
}
