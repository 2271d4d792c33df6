import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConveningCheck, ConveningWarning, Expert } from '../../api/types';

/**
 * What convening these judges would warn the bureau of (Organisations are who they are): teams
 * without a verified organisation and near matches of a judge's affiliation with a team's
 * organisation. Those that need it are acknowledged with a reason, which the record keeps.
 */
export function ConveningWarnings({ challengeId, judgeIds, experts }: { challengeId: string; judgeIds: string[]; experts: Expert[] }) {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ['convening-check', challengeId, judgeIds],
    queryFn: () => api.get<ConveningCheck>(`/api/rooms/convening-check?challengeId=${challengeId}${judgeIds.length > 0 ? `&judgeIds=${judgeIds.join(',')}` : ''}`),
  });
  const judge = (id?: string) => experts.find((expert) => expert.userId === id)?.displayName ?? id ?? '';
  const text = (w: ConveningWarning) => {
    switch (w.kind) {
      case 'TEAM_WITHOUT_ORGANISATION':
        return t('convene.warnings.TEAM_WITHOUT_ORGANISATION', { team: w.teamName });
      case 'TEAM_ORGANISATION_UNVERIFIED':
        return t('convene.warnings.TEAM_ORGANISATION_UNVERIFIED', { team: w.teamName, org: w.orgName });
      default:
        return t('convene.warnings.AFFILIATION_NEAR_MATCH', { judge: judge(w.judgeId), affiliation: w.affiliationName, team: w.teamName, org: w.teamOrgName });
    }
  };
  const warnings = check.data?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <>
      <Alert
        type={check.data?.acknowledgementRequired ? 'warning' : 'info'}
        showIcon
        className="block-gap"
        data-testid="convening-warnings"
        title={t('convene.warningsTitle')}
        description={warnings.map((w) => (
          <div key={`${w.kind}-${w.bidId}-${w.judgeId ?? ''}`}>{text(w)}</div>
        ))}
      />
      {check.data?.acknowledgementRequired && (
        <Form.Item name="warningsAcknowledged" label={t('convene.warningsAcknowledged')} extra={t('convene.warningsAcknowledgedHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}
