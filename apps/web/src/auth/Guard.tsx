import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { hasRole, useAuth, type Role } from './AuthProvider';

/** Renders its page for the role, a sign-in prompt for visitors, and a clean refusal for everyone else. */
export function Guard({ role, children }: { role: Role; children: ReactNode }) {
  const { me, loading } = useAuth();
  const { t } = useTranslation();
  const location = useLocation();
  if (loading) return <Spin size="large" className="page-spin" />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Result
        status="403"
        title={t('guard.signInTitle')}
        subTitle={t('guard.signInText')}
        extra={
          <Link to={`/login?next=${next}`}>
            <Button type="primary">{t('nav.signIn')}</Button>
          </Link>
        }
      />
    );
  }
  if (!hasRole(me, role)) return <Result status="403" title={t('guard.forbiddenTitle')} subTitle={t('guard.forbiddenText', { role: t(`roles.${role}`) })} />;
  return children;
}
