// Subjects: a search by e-mail, phone or IIN (the lookup is audited by the API), and the
// subject's page: data per purpose as far as the viewer's role reaches (the API leaves out what it may not read),
// consents with their proof and form version, and disclosures.
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { navigate } from '../../shared/router.js';
import { api, useMe, useRegister } from '../api.js';
import { ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';
import { SubjectActions } from './subject-actions.js';

const kinds = ['email', 'phone', 'iin'] as const;

export function SubjectsPage() {
  const { t } = useT();
  const [kind, setKind] = useState<(typeof kinds)[number]>('email');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotFound(false);
    try {
      const result = await api.POST('/api/subjects/lookup', { body: { kind, value } });
      if (result.response.status === 404) {
        setNotFound(true);
        return;
      }
      const found = unwrap(result);
      setValue('');
      navigate(`/console/subjects/${found.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t('navSubjects')}</Title>
      <Card withBorder>
        <form onSubmit={search} aria-label={t('findSubject')}>
          <Stack>
            <Group align="end">
              <Select
                label={t('searchBy')}
                value={kind}
                allowDeselect={false}
                onChange={(v) => v && setKind(v as (typeof kinds)[number])}
                data={kinds.map((k) => ({ value: k, label: t(`identity_${k}`) }))}
              />
              <TextInput
                label={t(`identity_${kind}`)}
                required
                value={value}
                autoComplete="off"
                onChange={(e) => setValue(e.currentTarget.value)}
              />
            </Group>
            <ErrorAlert error={error} />
            {notFound && <Text role="status">{t('subjectNotFound')}</Text>}
            <Group>
              <Button type="submit">{t('find')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

function PurposeData({ subjectId, purpose }: { subjectId: string; purpose: string }) {
  const { t, lang } = useT();
  const dates = useDates();
  const register = useRegister();
  const data = useQuery({
    queryKey: ['subject', subjectId, 'data', purpose],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/subjects/{subjectId}/data', {
          params: { path: { subjectId }, query: { purpose } },
        }),
      ),
  });
  return (
    <Card withBorder component="section" aria-label={register.data?.purposeTitle(purpose, lang) ?? purpose}>
      <Text fw={600} mb="xs">
        {register.data?.purposeTitle(purpose, lang) ?? purpose}
      </Text>
      <ErrorAlert error={data.error} />
      {data.isPending && <Loading />}
      {data.data && data.data.values.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {data.data && data.data.values.length > 0 && (
        <Scroll minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field')}</Table.Th>
                <Table.Th>{t('value')}</Table.Th>
                <Table.Th>{t('source')}</Table.Th>
                <Table.Th>{t('collected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.values.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{register.data?.fieldLabel(v.field, lang) ?? v.field}</Table.Td>
                  <Table.Td>{v.value === undefined ? t('hiddenValue') : String(v.value)}</Table.Td>
                  <Table.Td>{v.source}</Table.Td>
                  <Table.Td>{dates.date(v.collectedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </Card>
  );
}

export function SubjectPage({ id }: { id: string }) {
  const { t, lang } = useT();
  const dates = useDates();
  const me = useMe();
  const register = useRegister();
  const subject = useQuery({
    queryKey: ['subject', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/subjects/{subjectId}', { params: { path: { subjectId: id } } })),
  });
  // Sections the viewer's role has no right to are left out rather than shown as refusals.
  const can = (action: string) => Boolean(me.data?.actions.includes(action));
  const consents = useQuery({
    queryKey: ['subject', id, 'consents'],
    enabled: can('consents:read'),
    queryFn: async () =>
      unwrap(await api.GET('/api/subjects/{subjectId}/consents', { params: { path: { subjectId: id } } })),
  });
  const disclosures = useQuery({
    queryKey: ['subject', id, 'disclosures'],
    enabled: can('disclosures:read'),
    queryFn: async () => unwrap(await api.GET('/api/disclosures', { params: { query: { subjectId: id } } })),
  });
  const obligations = useQuery({
    queryKey: ['subject', id, 'obligations'],
    enabled: can('obligations:read'),
    queryFn: async () => unwrap(await api.GET('/api/obligations', { params: { query: { subject_id: id } } })),
  });
  // Only the purposes the viewer's role may read are asked for; an API key or an administrator sees them all.
  const allowed = me.data?.purposes ?? [];
  const every = allowed.includes('*');
  const purposes = register.data
    ? register.data.purposes.map((p) => p.id).filter((p) => every || allowed.includes(p))
    : allowed.filter((p) => p !== '*');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('subjectTitle')}</Title>
        <Link to="/console/subjects">{t('backToSearch')}</Link>
      </Group>
      <ErrorAlert error={subject.error} />
      {subject.data && (
        <Card withBorder>
          <Group>
            <Badge variant="filled">{subject.data.status}</Badge>
            <Text size="sm">
              {t('since', { date: dates.date(subject.data.createdAt) })} ·{' '}
              {subject.data.identities.map((i) => t(`identity_${i.kind as 'email'}`)).join(', ')}
            </Text>
          </Group>
        </Card>
      )}
      {can('requests:submit') && <SubjectActions subjectId={id} />}
      <Title order={2} size="h3">
        {t('dataByPurpose')}
      </Title>
      {purposes.length === 0 && <Text c="dimmed">{t('noPurposesAllowed')}</Text>}
      {purposes.map((p) => (
        <PurposeData key={p} subjectId={id} purpose={p} />
      ))}
      {can('consents:read') && (
        <Title order={2} size="h3">
          {t('navConsents')}
        </Title>
      )}
      <ErrorAlert error={consents.error} />
      {consents.data && consents.data.consents.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {consents.data?.consents.map((c) => (
        <Card withBorder key={c.id}>
          <Group justify="space-between">
            <Text fw={600}>{register.data?.purposeTitle(c.purposeId, lang) ?? c.purposeId}</Text>
            <Badge color={c.status === 'active' ? '#1b6e35' : 'gray.8'} variant="filled">
              {t(`consent_${c.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {t('grantedAt', { at: dates.dateTime(c.grantedAt) })} · {c.channel} ·{' '}
            {t('policyVersion', { version: c.policyVersion })}
            {c.lang ? ` · ${c.lang.toUpperCase()}` : ''}
            {c.withdrawnAt ? ` · ${t('withdrawnAt', { at: dates.dateTime(c.withdrawnAt) })}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            SHA-256 {c.formSha256 ?? c.textSha256}
          </Text>
          <details>
            <summary>{t('consentText')}</summary>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.text}
            </Text>
          </details>
        </Card>
      ))}
      {can('obligations:read') && (
        <Title order={2} size="h3">
          {t('obligations')}
        </Title>
      )}
      <ErrorAlert error={obligations.error} />
      {obligations.data && obligations.data.obligations.length === 0 && (
        <Text c="dimmed">{t('nothing')}</Text>
      )}
      {obligations.data?.obligations.map((o) => (
        <Text key={o.id} size="sm">
          {register.data?.purposeTitle(o.purposeId, lang) ?? o.purposeId} · {o.kind} · {t('dueDate')}{' '}
          {dates.date(o.dueDate)} · {o.status}
        </Text>
      ))}
      {can('disclosures:read') && (
        <Title order={2} size="h3">
          {t('navDisclosures')}
        </Title>
      )}
      <ErrorAlert error={disclosures.error} />
      {disclosures.data && disclosures.data.disclosures.length === 0 && (
        <Text c="dimmed">{t('nothing')}</Text>
      )}
      {disclosures.data?.disclosures.map((d) => (
        <Text key={d.id} size="sm">
          {dates.dateTime(d.disclosedAt)} · {d.recipient.name} ({d.recipient.country}) ·{' '}
          {d.fields.map((f) => register.data?.fieldLabel(f, lang) ?? f).join(', ')}
        </Text>
      ))}
    </Stack>
  );
}
