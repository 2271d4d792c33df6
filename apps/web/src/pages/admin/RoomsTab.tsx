import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Bureau: convening evaluation rooms (see docs/web.md for what remains). */
export default function RoomsTab() {
  const { t } = useTranslation();
  return <Typography.Paragraph type="secondary">{t('rooms.conveneLater')}</Typography.Paragraph>;
}
