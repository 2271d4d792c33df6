import { Button, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that asks for a written reason before acting (reject, cancel, not shortlisted…). */
export function ReasonButton(props: { children: ReactNode; title: string; onConfirm: (reason: string) => Promise<unknown>; danger?: boolean; size?: 'small' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm(reason.trim());
      setOpen(false);
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger={props.danger} size={props.size} onClick={() => setOpen(true)}>
        {props.children}
      </Button>
      <Modal open={open} title={props.title} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !reason.trim(), loading: busy }} onOk={() => void confirm().catch(() => undefined)} onCancel={() => setOpen(false)}>
        <Input.TextArea rows={4} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('common.reason')} aria-label={t('common.reason')} />
      </Modal>
    </>
  );
}
