// Rectify, block or destroy a subject's data: each is a subject's request (the law's deadline, the audit, the
// answer letter and, for destruction, the act), so the console files one for this subject from the paper or
// e-mail application and opens it; the execution then happens on the request page.
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { navigate } from '../../shared/router.js';
import { api, useRegister } from '../api.js';
import { ErrorAlert, useT } from '../ui.js';

const actions = ['rectification', 'blocking', 'destruction'] as const;
type Action = (typeof actions)[number];

export function SubjectActions({ subjectId }: { subjectId: string }) {
  const { t, lang } = useT();
  const register = useRegister();
  const [action, setAction] = useState<Action | null>(null);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = [...new Set((register.data?.purposes ?? []).flatMap((p) => p.fields))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const filed = unwrap(
        await api.POST('/api/requests', {
          body: {
            type: action,
            channel: 'paper',
            contact: { ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
            subject_id: subjectId,
            ...(action === 'rectification' && field ? { values: { [field]: value } } : {}),
            ...(text ? { text } : {}),
            language: lang,
          },
        }),
      );
      setAction(null);
      navigate(`/console/requests/${filed.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group>
        {actions.map((a) => (
          <Button
            key={a}
            variant="light"
            color={a === 'destruction' ? 'red' : undefined}
            onClick={() => setAction(a)}
          >
            {t(`action_${a}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`action_${action}`) : ''}
      >
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{t('actionHint')}</Text>
            <TextInput
              label={t('applicantEmail')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <TextInput
              label={t('applicantPhone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
            />
            {action === 'rectification' && (
              <>
                <Select
                  label={t('field')}
                  required
                  searchable
                  value={field}
                  onChange={setField}
                  data={fields.map((f) => ({ value: f, label: register.data?.fieldLabel(f, lang) ?? f }))}
                />
                <TextInput
                  label={t('newValue')}
                  required
                  value={value}
                  onChange={(e) => setValue(e.currentTarget.value)}
                />
              </>
            )}
            <Textarea
              label={t('applicationText')}
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <ErrorAlert error={error} />
            <Group justify="end">
              <Button variant="default" onClick={() => setAction(null)}>
                {t('cancel')}
              </Button>
              <Button type="submit" color={action === 'destruction' ? 'red' : undefined} loading={busy}>
                {t('fileRequest')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
