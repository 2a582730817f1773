// A request of one type: the form, then the e-mailed one-time code, then the link to the status page.
import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { formatDate, useI18n } from '../../shared/i18n.js';
import { linkClick } from '../../shared/router.js';
import {
  type CentreRequestType,
  centreApi,
  type PublicReceipt,
  type PublicVerified,
  type RequestStatus,
} from '../contract.js';
import type { CentreKey } from '../messages.js';
import { BackHome, emailPattern, Failure } from './common.js';

/** Types whose text is the request itself; for the others it is optional. */
const textRequired: readonly CentreRequestType[] = [
  'rectification',
  'blocking',
  'destruction',
  'consent_withdrawal',
  'objection_automated_decision',
];

type Step =
  | { name: 'form' }
  | { name: 'code'; receipt: PublicReceipt; email: string }
  | { name: 'verified'; verified: PublicVerified };

export function RequestPage({ type }: { type: CentreRequestType }) {
  const { t } = useI18n<CentreKey>();
  const [step, setStep] = useState<Step>({ name: 'form' });
  return (
    <Stack gap="lg">
      <BackHome />
      <Title order={1}>{t(`type_${type}`)}</Title>
      <Text>{t(`desc_${type}`)}</Text>
      {step.name === 'form' ? (
        <RequestForm type={type} onSent={(receipt, email) => setStep({ name: 'code', receipt, email })} />
      ) : step.name === 'code' ? (
        <CodeStep
          receipt={step.receipt}
          email={step.email}
          onVerified={(verified) => setStep({ name: 'verified', verified })}
        />
      ) : (
        <Verified verified={step.verified} />
      )}
    </Stack>
  );
}

function RequestForm({
  type,
  onSent,
}: {
  type: CentreRequestType;
  onSent: (receipt: PublicReceipt, email: string) => void;
}) {
  const { t, lang } = useI18n<CentreKey>();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ email?: string; text?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const needsText = textRequired.includes(type);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!emailPattern.test(email.trim())) found.email = t('formEmailInvalid');
    if (needsText && !text.trim()) found.text = t('formTextRequired');
    setErrors(found);
    if (found.email || found.text) {
      document.getElementById(found.email ? 'request-email' : 'request-text')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const contact: { email: string; name?: string; phone?: string } = { email: email.trim() };
      if (name.trim()) contact.name = name.trim();
      if (phone.trim()) contact.phone = phone.trim();
      const receipt = await centreApi.submitRequest({
        type,
        contact,
        language: lang,
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      onSent(receipt, email.trim());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <TextInput
          id="request-email"
          label={t('formEmail')}
          description={t('formEmailHint')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t('formName')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('formPhone')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
        />
        <Textarea
          id="request-text"
          label={t(`formText_${type}`)}
          required={needsText}
          autosize
          minRows={3}
          maxLength={20_000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.text}
        />
        <Text size="sm">{t('deadlineLaw')}</Text>
        <Failure error={failure} />
        <Group>
          <Button type="submit" loading={busy}>
            {busy ? t('sending') : t('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CodeStep({
  receipt,
  email,
  onVerified,
}: {
  receipt: PublicReceipt;
  email: string;
  onVerified: (verified: PublicVerified) => void;
}) {
  const { t } = useI18n<CentreKey>();
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  if (receipt.verification === 'manual') {
    return (
      <Alert color="blue.9" role="status">
        {t('codeManual')}
      </Alert>
    );
  }
  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onVerified(await centreApi.verifyRequest(receipt.id, code.trim()));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  async function resend() {
    setFailure(null);
    try {
      await centreApi.renewRequestCode(email);
      setNotice(t('codeResent'));
    } catch (error) {
      setFailure(error);
    }
  }
  return (
    <form onSubmit={confirm}>
      <Stack gap="md" maw={560}>
        <Title order={2} size="h3">
          {t('codeTitle')}
        </Title>
        <Text role="status">{t('codeSent', { email })}</Text>
        <TextInput
          label={t('codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={20}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          data-autofocus
        />
        <Failure error={failure} />
        {notice ? <Text role="status">{notice}</Text> : null}
        <Group>
          <Button type="submit" loading={busy} disabled={!code.trim()}>
            {t('codeConfirm')}
          </Button>
          <Button type="button" variant="subtle" onClick={resend}>
            {t('codeResend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Verified({ verified }: { verified: PublicVerified }) {
  const { t, lang } = useI18n<CentreKey>();
  const [status, setStatus] = useState<RequestStatus | null>(null);
  // The deadline as the server counts it (working-day calendar, the register's or the law's term).
  useEffect(() => {
    centreApi.requestStatus(verified.statusToken).then(setStatus, () => setStatus(null));
  }, [verified.statusToken]);
  const href = `/requests/status#${verified.statusToken}`;
  return (
    <Alert color="green.9" title={t('verifiedTitle', { number: verified.number })} role="status">
      <Stack gap="sm">
        {status ? (
          <Text size="sm" fw={600}>
            {t('statusDue', { date: formatDate(status.dueOn, lang) })} —{' '}
            {t('daysLeft', { count: status.workingDaysLeft })}
          </Text>
        ) : null}
        <Text size="sm">{t('verifiedText')}</Text>
        <Group>
          <Button component="a" href={href} onClick={linkClick}>
            {t('statusLink')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
