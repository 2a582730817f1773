// Consents: the published consent forms and the consents a widened policy asks to renew. Disclosures: the
// recipients and the latest disclosures to them.
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../shared/api.js';
import { api, useRegister } from '../api.js';
import { ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';

export function ConsentsPage() {
  const { t, lang } = useT();
  const register = useRegister();
  const forms = useQuery({
    queryKey: ['consent-forms', lang],
    queryFn: async () => unwrap(await api.GET('/api/consent-forms', { params: { query: { lang } } })),
  });
  const renewals = useQuery({
    queryKey: ['renewals'],
    queryFn: async () => unwrap(await api.GET('/api/policy/renewals')),
  });
  return (
    <Stack>
      <Title order={1}>{t('navConsents')}</Title>
      <Title order={2} size="h3">
        {t('renewals')}
      </Title>
      <ErrorAlert error={renewals.error} />
      {renewals.data && renewals.data.purposes.length === 0 && <Text c="dimmed">{t('noRenewals')}</Text>}
      {renewals.data?.purposes.map((p) => (
        <Text key={p.purposeId}>
          {p.number ? `${p.number}. ` : ''}
          {p.title[lang] ?? p.title.ru} — {t('consentsCount', { count: p.consents })}
        </Text>
      ))}
      <Title order={2} size="h3">
        {t('consentForms')}
      </Title>
      <ErrorAlert error={forms.error} />
      {forms.isPending && <Loading />}
      {forms.data && (
        <Scroll minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('form')}</Table.Th>
                <Table.Th>{t('purpose')}</Table.Th>
                <Table.Th>{t('language')}</Table.Th>
                <Table.Th>SHA-256</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forms.data.forms.map((f) => (
                <Table.Tr key={`${f.formId}:${f.lang}`}>
                  <Table.Td>{f.formId}</Table.Td>
                  <Table.Td>
                    {f.purposeId
                      ? (register.data?.purposeTitle(f.purposeId, lang) ?? f.purposeId)
                      : t('publication')}
                  </Table.Td>
                  <Table.Td>{f.lang.toUpperCase()}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {f.sha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </Stack>
  );
}

export function DisclosuresPage() {
  const { t, lang } = useT();
  const dates = useDates();
  const register = useRegister();
  const recipients = useQuery({
    queryKey: ['recipients'],
    queryFn: async () => unwrap(await api.GET('/api/recipients')),
  });
  const disclosures = useQuery({
    queryKey: ['disclosures'],
    queryFn: async () => unwrap(await api.GET('/api/disclosures', { params: { query: { limit: 100 } } })),
  });
  return (
    <Stack>
      <Title order={1}>{t('navDisclosures')}</Title>
      <Title order={2} size="h3">
        {t('recipients')}
      </Title>
      <ErrorAlert error={recipients.error} />
      {recipients.data && recipients.data.recipients.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {recipients.data && recipients.data.recipients.length > 0 && (
        <Scroll minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('kind')}</Table.Th>
                <Table.Th>{t('country')}</Table.Th>
                <Table.Th>{t('contractUntil')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recipients.data.recipients.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="filled">{t(`recipient_${r.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{r.country}</Table.Td>
                  <Table.Td>{dates.date(r.contractUntil)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Title order={2} size="h3">
        {t('latestDisclosures')}
      </Title>
      <ErrorAlert error={disclosures.error} />
      {disclosures.isPending && <Loading />}
      {disclosures.data && disclosures.data.disclosures.length === 0 && (
        <Text c="dimmed">{t('nothing')}</Text>
      )}
      {disclosures.data?.disclosures.map((d) => (
        <Text key={d.id} size="sm">
          {dates.dateTime(d.disclosedAt)} · {d.recipient.name} ·{' '}
          {register.data?.purposeTitle(d.purposeId, lang) ?? d.purposeId} ·{' '}
          <Link to={`/console/subjects/${d.subjectId}`}>{t('subject')}</Link>
        </Text>
      ))}
    </Stack>
  );
}
