import { Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { SessionView } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { useApiForm } from '../components/ErrorAlert';
import { useLanguage } from '../i18n';
import { safeNext } from '../lib/navigation';

interface Registration {
  email: string;
  password: string;
  displayName: string;
}

/** Field rules are the server's (it reports each field); the form only asks for what is missing. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { form, report, reset, alert } = useApiForm<Registration>();
  const register = useMutation({
    mutationFn: (values: Registration) => api.post<SessionView>('/api/auth/register', { ...values, locale: language }),
    onMutate: reset,
    onSuccess: (session) => {
      signIn(session);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: report,
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Card title={t('auth.signUpTitle')} className="narrow">
      <Form form={form} layout="vertical" onFinish={(values) => register.mutate(values)} requiredMark={false}>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[required]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')} rules={[required]}>
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[required]} extra={t('auth.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {alert}
        <Button type="primary" htmlType="submit" loading={register.isPending} block>
          {t('nav.signUp')}
        </Button>
      </Form>
    </Card>
  );
}
