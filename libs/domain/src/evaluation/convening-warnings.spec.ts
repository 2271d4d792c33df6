import { DomainError } from '../errors';
import { organisationIdentity } from '../identity/organisation-identity';
import { acknowledgementRequired, assertWarningsAcknowledged, conveningWarnings, OrganisationOnRecord } from './convening-warnings';

const org = (id: string, name: string, verified = true, country = 'CN'): OrganisationOnRecord => ({
  id,
  name,
  verified,
  ...organisationIdentity({ name, country, creditCode: null }),
});

describe('convening warnings', () => {
  const kust = org('o-kust', '昆明理工大学');
  const kustAbroad = org('o-kust-sg', '昆明理工大学', true, 'SG');
  const college = org('o-college', '昆明理工大学津桥学院', false);
  const ynu = org('o-ynu', '云南大学');
  const judges = [
    { userId: 'j1', affiliation: kust },
    { userId: 'j2', affiliation: ynu },
    { userId: 'j3', affiliation: null },
  ];
  const bids = [
    { bidId: 'b1', teamId: 't1', teamName: '甲', org: null },
    { bidId: 'b2', teamId: 't2', teamName: '乙', org: college },
    { bidId: 'b3', teamId: 't3', teamName: '丙', org: kustAbroad },
    { bidId: 'b4', teamId: 't4', teamName: '丁', org: ynu },
  ];

  it('lists teams without a verified organisation and near matches, bid by bid', () => {
    expect(conveningWarnings(judges, bids, [{ judgeId: 'j2', bidId: 'b4', reason: 'SAME_ORGANISATION' }])).toEqual([
      { kind: 'TEAM_WITHOUT_ORGANISATION', bidId: 'b1', teamId: 't1', teamName: '甲' },
      { kind: 'TEAM_ORGANISATION_UNVERIFIED', bidId: 'b2', teamId: 't2', teamName: '乙', orgId: 'o-college', orgName: '昆明理工大学津桥学院' },
      expect.objectContaining({ kind: 'AFFILIATION_NEAR_MATCH', judgeId: 'j1', bidId: 'b2', reason: 'NAME_CONTAINED', affiliationOrgId: 'o-kust', teamOrgId: 'o-college' }),
      expect.objectContaining({ kind: 'AFFILIATION_NEAR_MATCH', judgeId: 'j1', bidId: 'b3', reason: 'SAME_NAME', teamOrgName: '昆明理工大学' }),
    ]);
  });

  it('leaves out a near match the judge is already recused for', () => {
    const warnings = conveningWarnings(judges, bids, [{ judgeId: 'j1', bidId: 'b3', reason: 'TEAM_MEMBER' }]);
    expect(warnings.some((w) => w.kind === 'AFFILIATION_NEAR_MATCH' && w.bidId === 'b3')).toBe(false);
  });

  it('needs an acknowledgement for all but teams without an organisation', () => {
    const informational = conveningWarnings(judges, [bids[0], bids[3]], []);
    expect(informational).toHaveLength(1);
    expect(acknowledgementRequired(informational)).toBe(false);
    expect(() => assertWarningsAcknowledged(informational, undefined)).not.toThrow();

    const warnings = conveningWarnings(judges, bids, []);
    expect(acknowledgementRequired(warnings)).toBe(true);
    expect(() => assertWarningsAcknowledged(warnings, '已核实')).not.toThrow();
    let refusal: unknown;
    try {
      assertWarningsAcknowledged(warnings, undefined);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'CONVENING_WARNINGS', details: { warnings } });
  });
});
