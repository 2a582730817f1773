// A subject's consents: sign in with a one-time code (e-mail or phone), see each consent with its text, date and
// policy version, withdraw one (with a confirmation), sign out. The session is an HttpOnly cookie; nothing personal
// is kept in the address or the browser's storage.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../../shared/api.js';
import { formatDate, useI18n } from '../../shared/i18n.js';
import { type Contact, centreApi, type SubjectConsent } from '../contract.js';
import type { CentreKey } from '../messages.js';
import { BackHome, emailPattern, Failure, Loading } from './common.js';

type View = { name: 'checking' } | { name: 'signIn' } | { name: 'list'; consents: SubjectConsent[] };

export function ConsentsPage() {
  const { t } = useI18n<CentreKey>();
  const [view, setView] = useState<View>({ name: 'checking' });
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const { consents } = await centreApi.consents();
      setView({ name: 'list', consents });
    } catch (error) {
      if (error instanceof ApiFailure && (error.status === 401 || error.status === 403))
        setView({ name: 'signIn' });
      else {
        setFailure(error);
        setView({ name: 'signIn' });
      }
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function signOut() {
    setFailure(null);
    try {
      await centreApi.signOut();
    } catch (error) {
      setFailure(error);
    }
    setView({ name: 'signIn' });
  }

  return (
    <Stack gap="lg">
      <BackHome />
      <Group justify="space-between">
        <Title order={1}>{t('consentsTitle')}</Title>
        {view.name === 'list' ? (
          <Button variant="outline" onClick={signOut}>
            {t('signOut')}
          </Button>
        ) : null}
      </Group>
      <Failure error={failure} />
      {view.name === 'checking' ? <Loading /> : null}
      {view.name === 'signIn' ? <SignIn onSignedIn={load} /> : null}
      {view.name === 'list' ? <ConsentList consents={view.consents} onChanged={load} /> : null}
    </Stack>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t, lang } = useI18n<CentreKey>();
  const [by, setBy] = useState<'email' | 'phone'>('email');
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<'code_sent' | 'manual' | null>(null);
  const [invalid, setInvalid] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const contact = (): Contact => (by === 'email' ? { email: value.trim() } : { phone: value.trim() });

  async function requestCode(event: FormEvent) {
    event.preventDefault();
    const ok = by === 'email' ? emailPattern.test(value.trim()) : /^\+?[\d\s()-]{7,20}$/.test(value.trim());
    setInvalid(ok ? '' : t(by === 'email' ? 'formEmailInvalid' : 'phoneInvalid'));
    if (!ok) return;
    setBusy(true);
    setFailure(null);
    try {
      setSent((await centreApi.subjectCode(contact(), lang)).verification);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await centreApi.subjectVerify(contact(), code.trim());
      await onSignedIn();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md" maw={560}>
      <Title order={2} size="h3">
        {t('verifyTitle')}
      </Title>
      <Text>{t('verifyIntro')}</Text>
      <form onSubmit={requestCode} noValidate>
        <Stack gap="md">
          <SegmentedControl
            value={by}
            onChange={(next) => {
              setBy(next as 'email' | 'phone');
              setValue('');
              setSent(null);
              setInvalid('');
            }}
            data={[
              { value: 'email', label: t('byEmail') },
              { value: 'phone', label: t('byPhone') },
            ]}
            aria-label={t('verifyTitle')}
          />
          <TextInput
            label={by === 'email' ? t('formEmail') : t('phoneLabel')}
            type={by === 'email' ? 'email' : 'tel'}
            autoComplete={by === 'email' ? 'email' : 'tel'}
            required
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={invalid || undefined}
          />
          <Group>
            <Button type="submit" loading={busy && !sent} variant={sent ? 'outline' : 'filled'}>
              {sent ? t('codeResend') : t('sendCode')}
            </Button>
          </Group>
        </Stack>
      </form>
      {sent === 'manual' ? (
        <Alert color="blue.9" role="status">
          {t('codeManualGeneric')}
        </Alert>
      ) : null}
      {sent === 'code_sent' ? (
        <form onSubmit={verify}>
          <Stack gap="md">
            <Text role="status">{t('codeSentGeneric')}</Text>
            <TextInput
              label={t('codeLabel')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={20}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={busy} disabled={!code.trim()}>
                {t('signIn')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Failure error={failure} />
    </Stack>
  );
}

function ConsentList({
  consents,
  onChanged,
}: {
  consents: SubjectConsent[];
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useI18n<CentreKey>();
  const [confirming, setConfirming] = useState<SubjectConsent | null>(null);
  const [done, setDone] = useState<string>('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function withdraw() {
    if (!confirming) return;
    setBusy(true);
    setFailure(null);
    try {
      const { obligationDueOn } = await centreApi.withdraw(confirming.purposeId);
      setDone(
        t('withdrawDone', { purpose: confirming.purposeName, date: formatDate(obligationDueOn, lang) }),
      );
      setConfirming(null);
      await onChanged();
    } catch (error) {
      setFailure(error);
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      {done ? (
        <Alert color="green.9" role="status">
          {done}
        </Alert>
      ) : null}
      <Failure error={failure} />
      {consents.length === 0 ? <Text>{t('noConsents')}</Text> : null}
      {consents.map((consent) => (
        <Card
          key={`${consent.purposeId}-${consent.grantedAt}`}
          withBorder
          radius="md"
          padding="md"
          component="article"
        >
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              {consent.purposeName}
            </Title>
            <Badge color={consent.state === 'granted' ? 'green.3' : 'gray.7'} variant="filled" tt="none">
              {consent.state === 'granted'
                ? t('consentGranted', { date: formatDate(consent.grantedAt, lang) })
                : t('consentWithdrawn', { date: formatDate(consent.withdrawnAt ?? consent.grantedAt, lang) })}
            </Badge>
          </Group>
          <Text size="sm" mt="xs">
            {t('consentVersion', { version: consent.policyVersion })} ·{' '}
            {t('consentChannel', { channel: t(`channel_${consent.channel}`) })}
          </Text>
          <details>
            <summary>
              <Text component="span" size="sm" fw={600}>
                {t('consentText')}
              </Text>
            </summary>
            <div className="consent-text">{consent.text}</div>
          </details>
          {consent.state === 'granted' ? (
            <Group mt="sm">
              <Button color="red.9" variant="outline" onClick={() => setConfirming(consent)}>
                {t('withdraw')}
              </Button>
            </Group>
          ) : null}
        </Card>
      ))}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('withdrawConfirmTitle')}
        closeButtonProps={{ 'aria-label': t('cancel') }}
        centered
      >
        <Stack gap="md">
          <Text>{t('withdrawConfirmText', { purpose: confirming?.purposeName ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('cancel')}
            </Button>
            <Button color="red.9" onClick={withdraw} loading={busy}>
              {t('withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
