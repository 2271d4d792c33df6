import { Alert, App, Button, Form } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api/client';
import { placeApiErrors, type PlacedErrors } from '../api/form-errors';

/**
 * The message for an API error: the registry's for its code (every code of the API has one), in
 * the reader's language. The API speaks English: in English its own words are added when they say
 * more; in Chinese they are left out (a Chinese page never speaks English for a known code).
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
      const key = `errors.${error.code}`;
      if (!i18n.exists(key)) return error.message;
      const known = t(key as 'errors.NETWORK_ERROR');
      return i18n.language !== 'en' || known === error.message ? known : `${known} (${error.message})`;
    },
    [t, i18n],
  );
}

export function ErrorAlert({ error, details = [], onRetry }: { error: unknown; details?: FieldError[]; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text(error)}
      description={details.length > 0 ? details.map((d) => <div key={d.field}>{`${d.field}: ${d.messages.join('; ')}`}</div>) : undefined}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      className="block-gap"
    />
  );
}

/** A form whose failed submissions put the API's field messages at the fields and the rest above the buttons. */
export function useApiForm<T>() {
  const [form] = Form.useForm<T>();
  const [failure, setFailure] = useState<PlacedErrors | null>(null);
  const report = useCallback((error: unknown) => setFailure(placeApiErrors(form, error)), [form]);
  const reset = useCallback(() => setFailure(null), []);
  const alert = failure ? <ErrorAlert error={failure.error} details={failure.unplaced} /> : null;
  return { form, report, reset, alert };
}

/** For actions outside forms: shows the error as a toast. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback((error: unknown) => void message.error(text(error)), [message, text]);
}

export { ApiError };
