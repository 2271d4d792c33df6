import { DatePicker, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** Form.Item props that keep the form value in integer fen while the input shows yuan. */
export const fenField = {
  getValueProps: (fen?: number) => ({ value: typeof fen === 'number' ? fen / 100 : undefined }),
  normalize: (yuan: number | null) => (typeof yuan === 'number' ? Math.round(yuan * 100) : yuan),
};

/** Form.Item props that keep the form value an ISO 8601 string (UTC) while the picker works with dayjs. */
export const instantField = {
  getValueProps: (iso?: string) => ({ value: iso ? dayjs(iso) : undefined }),
  normalize: (value: Dayjs | null) => value?.toISOString(),
};

export function YuanInput(props: { value?: number; onChange?: (value: number | null) => void; id?: string }) {
  return <InputNumber {...props} min={0} precision={2} prefix="¥" style={{ width: 220 }} />;
}

export function InstantPicker(props: { value?: Dayjs; onChange?: (value: Dayjs | null) => void; id?: string; disabled?: boolean }) {
  return <DatePicker {...props} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />;
}
