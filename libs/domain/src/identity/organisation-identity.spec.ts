import { editDistance, nearMatch, normaliseOrganisationName, organisationIdentity, sameOrganisation } from './organisation-identity';

const org = (name: string, country = 'CN', creditCode: string | null = null) => organisationIdentity({ name, country, creditCode });

describe('organisation names, normalised', () => {
  it('folds full-width letters, digits, brackets and spaces to their half-width forms', () => {
    expect(normaliseOrganisationName('ＡＢＣ科技（昆明）有限公司')).toBe('abc科技昆明有限公司');
    expect(normaliseOrganisationName('昆明理工大学　')).toBe('昆明理工大学');
    expect(normaliseOrganisationName('第１研究所')).toBe('第1研究所');
  });

  it('drops spaces next to Chinese characters and punctuation anywhere', () => {
    expect(normaliseOrganisationName(' 昆明 理工　大学 ')).toBe('昆明理工大学');
    expect(normaliseOrganisationName('昆明理工大学（呈贡校区）')).toBe(normaliseOrganisationName('昆明理工大学(呈贡校区)'));
    expect(normaliseOrganisationName('【云南】·传感-研究院')).toBe('云南传感研究院');
  });

  it('case-folds English names and collapses their white space', () => {
    expect(normaliseOrganisationName('  Technische   Universität  München ')).toBe('technische universität münchen');
    expect(normaliseOrganisationName('Acme, Inc.')).toBe('acme inc');
    expect(normaliseOrganisationName('ACME  INC')).toBe('acme inc');
    expect(normaliseOrganisationName('Ｔｈｅ Ｕｎｉｖｅｒｓｉｔｙ')).toBe('the university');
  });
});

describe('organisation identity', () => {
  it('is the credit code of a Chinese organisation that has one, upper-cased and trimmed', () => {
    expect(org('昆明高新传感科技有限公司', 'CN', ' 91350100m000100y43 ').key).toBe('USCC:91350100M000100Y43');
  });

  it('is the normalised name and country otherwise', () => {
    expect(org('昆明 理工大学').key).toBe('NAME:CN:昆明理工大学');
    expect(org('Acme, Inc.', 'DE', '91350100M000100Y43').key).toBe('NAME:DE:acme inc');
  });

  it('is one organisation for the same key, or the same name in the same country', () => {
    expect(sameOrganisation(org('昆明理工大学'), org('昆明 理工大学（）'))).toBe(true);
    expect(sameOrganisation(org('昆明理工大学', 'CN', '12530000431200023X'), org('昆明理工大学'))).toBe(true);
    expect(sameOrganisation(org('昆明理工大学'), org('昆明理工大学', 'HK'))).toBe(false);
    expect(sameOrganisation(org('云南大学'), org('昆明理工大学'))).toBe(false);
    // two credit codes: two organisations, whatever their names
    expect(sameOrganisation(org('昆明传感有限公司', 'CN', '91350100M000100Y43'), org('昆明传感有限公司', 'CN', '12530000431200023X'))).toBe(false);
  });
});

describe('near matches', () => {
  it('counts edit distance in characters', () => {
    expect(editDistance('昆明理工大学', '昆明理工大学')).toBe(0);
    expect(editDistance('昆明理工大学', '昆名理工大学')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds the same name in another country, a similar name and a name inside another', () => {
    expect(nearMatch(org('昆明理工大学'), org('昆明理工大学', 'HK'))).toBe('SAME_NAME');
    expect(nearMatch(org('昆明传感有限公司', 'CN', '91350100M000100Y43'), org('昆明传感有限公司', 'CN', '12530000431200023X'))).toBe('SAME_NAME');
    expect(nearMatch(org('昆明理工大学'), org('昆名理工大學'))).toBe('SIMILAR_NAME');
    expect(nearMatch(org('昆明理工大学'), org('昆明理工大学津桥学院'))).toBe('NAME_CONTAINED');
    expect(nearMatch(org('Acme Sensors GmbH', 'DE'), org('Acme Sensor GmbH', 'DE'))).toBe('SIMILAR_NAME');
  });

  it('is none for one organisation, unrelated names, or short names', () => {
    expect(nearMatch(org('昆明理工大学'), org('昆明 理工大学'))).toBeNull();
    expect(nearMatch(org('昆明理工大学'), org('云南大学'))).toBeNull();
    expect(nearMatch(org('北大'), org('南大'))).toBeNull();
  });
});
