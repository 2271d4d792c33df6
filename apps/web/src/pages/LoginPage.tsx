import { Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { SessionView } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { useApiForm } from '../components/ErrorAlert';
import { safeNext } from '../lib/navigation';

interface Credentials {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { form, report, reset, alert } = useApiForm<Credentials>();
  const login = useMutation({
    mutationFn: (values: Credentials) => api.post<SessionView>('/api/auth/login', values),
    onMutate: reset,
    onSuccess: (session) => {
      signIn(session);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: report,
  });
  return (
    <Card title={t('auth.signInTitle')} className="narrow">
      <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('auth.emailRequired') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {alert}
        <Button type="primary" htmlType="submit" loading={login.isPending} block>
          {t('nav.signIn')}
        </Button>
      </Form>
      <Typography.Paragraph className="block-gap">
        {t('auth.noAccount')} <Link to={`/register${params.size ? `?${params}` : ''}`}>{t('nav.signUp')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
