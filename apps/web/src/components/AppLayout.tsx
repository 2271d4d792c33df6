import { Badge, Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMyInvitations } from '../api/queries';
import { hasRole, useAuth, type Role } from '../auth/AuthProvider';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  path: string;
  label: 'nav.challenges' | 'nav.myChallenges' | 'nav.organisations' | 'nav.teams' | 'nav.bids' | 'nav.rooms' | 'nav.invitations' | 'nav.admin';
  role?: Role;
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav.challenges' },
  { path: '/enterprise', label: 'nav.myChallenges', role: 'enterprise' },
  { path: '/orgs', label: 'nav.organisations', role: 'signedIn' },
  { path: '/teams', label: 'nav.teams', role: 'signedIn' },
  { path: '/bids', label: 'nav.bids', role: 'signedIn' },
  { path: '/rooms', label: 'nav.rooms', role: 'signedIn' },
  { path: '/invitations', label: 'nav.invitations', role: 'signedIn' },
  { path: '/admin', label: 'nav.admin', role: 'admin' },
];

export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  // Pending invitations are counted in the menu: answering one is how a user joins a team or an organisation.
  const pending = (useMyInvitations(me !== null).data ?? []).filter((invitation) => invitation.status === 'PENDING').length;
  const items: MenuProps['items'] = NAV.filter((item) => !item.role || (me && hasRole(me, item.role))).map((item) => ({
    key: item.path,
    label: (
      <Link to={item.path}>
        {item.path === '/invitations' && pending > 0 ? (
          <Badge count={pending} size="small" offset={[8, -2]} data-testid="pending-invitations">
            <span className="nav-label">{t(item.label)}</span>
          </Badge>
        ) : (
          t(item.label)
        )}
      </Link>
    ),
  }));
  const selected = NAV.map((item) => item.path)
    .filter((path) => (path === '/' ? location.pathname === '/' || location.pathname.startsWith('/challenges') : location.pathname.startsWith(path)))
    .slice(-1);

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <Menu mode="horizontal" theme="dark" items={items} selectedKeys={selected} className="app-menu" />
        <Space>
          <LanguageSwitch />
          {me ? (
            <Dropdown
              menu={{
                items: [{ key: 'signOut', label: t('nav.signOut') }],
                onClick: () => void signOut().then(() => navigate('/')),
              }}
            >
              <Button data-testid="user-menu">{me.displayName}</Button>
            </Dropdown>
          ) : (
            <>
              <Link to="/login">
                <Button>{t('nav.signIn')}</Button>
              </Link>
              <Link to="/register">
                <Button type="primary">{t('nav.signUp')}</Button>
              </Link>
            </>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Suspense fallback={<Spin size="large" className="page-spin" />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="app-footer">
        <Typography.Text type="secondary">{t('app.motto')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
