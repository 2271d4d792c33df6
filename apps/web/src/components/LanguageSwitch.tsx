import { Segmented } from 'antd';
import { LANGUAGES, setLanguage, useLanguage, type Language } from '../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' };

export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <Segmented<Language>
      aria-label="language / 语言"
      data-testid="language-switch"
      value={language}
      options={LANGUAGES.map((value) => ({ value, label: LABELS[value] }))}
      onChange={(value) => void setLanguage(value)}
    />
  );
}
