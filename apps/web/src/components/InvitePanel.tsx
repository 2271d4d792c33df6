import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { TEAM_ROLES, type Invitation, type TeamRole } from '../api/types';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useApiForm } from './ErrorAlert';
import { InvitationStatus } from './InvitationStatus';
import { QueryTable } from './QueryTable';

interface NewInvitation {
  email: string;
  role?: TeamRole;
}

/**
 * Inviting into a team or an organisation (Membership by consent): the form (by email; a team's
 * role too), and the invitations sent, each revocable while pending. `base` is the team's or the
 * organisation's API path; `membersKey` is refetched when an invitation is sent.
 */
export function InvitePanel({ base, withRole, membersKey, testId }: { base: string; withRole: boolean; membersKey: readonly unknown[]; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invitationsKey = [...membersKey, 'invitations'];
  const invitations = useQuery({ queryKey: invitationsKey, queryFn: () => api.get<Invitation[]>(`${base}/invitations`) });
  const { form, report, reset, alert } = useApiForm<NewInvitation>();
  const invite = useAction((values: NewInvitation) => api.post<Invitation>(`${base}/members`, values), {
    invalidate: [membersKey, invitationsKey],
    successText: t('team.invited'),
    onSuccess: () => form.resetFields(),
    onError: report,
  });
  const revoke = useAction((id: string) => api.post<Invitation>(`/api/invitations/${id}/revoke`), { invalidate: [invitationsKey] });
  return (
    <Card title={t('team.addMember')}>
      <Form
        form={form}
        layout="inline"
        initialValues={withRole ? { role: 'MEMBER' } : {}}
        onFinish={(values) => {
          reset();
          invite.mutate(values);
        }}
      >
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        {withRole && (
          <Form.Item name="role" label={t('team.role')}>
            <Select style={{ width: 120 }} options={TEAM_ROLES.map((value) => ({ value, label: t(`teamRole.${value}`) }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={invite.isPending}>
          {t('team.invite')}
        </Button>
      </Form>
      {alert}
      <Typography.Paragraph type="secondary" className="block-gap">
        {t('team.inviteHint')}
      </Typography.Paragraph>
      <QueryTable<Invitation>
        result={invitations}
        rowKey="id"
        data-testid={testId}
        columns={[
          { title: t('team.member'), dataIndex: 'inviteeName' },
          ...(withRole ? [{ title: t('team.role'), dataIndex: 'role', render: (role: TeamRole) => t(`teamRole.${role}`) }] : []),
          { title: t('invitations.invitedAt'), dataIndex: 'invitedAt', render: (at: string) => formatDateTime(at, language) },
          { title: t('bid.status'), render: (_: unknown, i: Invitation) => <InvitationStatus invitation={i} /> },
          {
            title: t('common.actions'),
            render: (_: unknown, i: Invitation) =>
              i.status === 'PENDING' && (
                <Button size="small" onClick={() => revoke.mutate(i.id)}>
                  {t('invitations.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
