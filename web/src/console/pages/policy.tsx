// Register: the purposes as the policy's table 3.1 shows them, with the validator's warnings. Policy: published
// versions, what changed between two of them, publishing the register as a new version.
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { api, useRegister } from '../api.js';
import { ErrorAlert, Loading, Scroll, useDates, useT } from '../ui.js';
import { processingText, retentionText } from '../words.js';

export function RegisterPage() {
  const { t, lang } = useT();
  const register = useRegister();
  if (register.isPending) return <Loading />;
  if (register.error) return <ErrorAlert error={register.error} />;
  const data = register.data;
  return (
    <Stack>
      <Title order={1}>{t('navRegister')}</Title>
      <Text size="sm" c="dimmed">
        {data.operatorName[lang] ?? data.operatorName.ru} · {data.source}
      </Text>
      {data.warnings.length > 0 && (
        <Alert color="orange" title={t('registerWarnings')}>
          {data.warnings.map((w) => (
            <Text size="sm" key={`${w.path}:${w.message}`}>
              {w.path}: {w.message}
            </Text>
          ))}
        </Alert>
      )}
      <Scroll minWidth={900}>
        <Table withTableBorder withColumnBorders striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>№</Table.Th>
              <Table.Th>{t('purpose')}</Table.Th>
              <Table.Th>{t('fields')}</Table.Th>
              <Table.Th>{t('legalBasis')}</Table.Th>
              <Table.Th>{t('processing')}</Table.Th>
              <Table.Th>{t('retention')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.purposes.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.number}</Table.Td>
                <Table.Td>{p.title[lang] ?? p.title.ru}</Table.Td>
                <Table.Td>{p.fields.map((f) => data.fieldLabel(f, lang)).join(', ')}</Table.Td>
                <Table.Td>{(p.legal_bases ?? []).map((b) => b.reference ?? b.type).join('; ')}</Table.Td>
                <Table.Td>{processingText(p.processing, lang)}</Table.Td>
                <Table.Td>{p.retention ? retentionText(p.retention, lang) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
    </Stack>
  );
}

export function PolicyPage() {
  const { t, lang } = useT();
  const dates = useDates();
  const client = useQueryClient();
  const versions = useQuery({
    queryKey: ['policy-versions'],
    queryFn: async () => unwrap(await api.GET('/api/policy/versions')),
  });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const diff = useQuery({
    queryKey: ['policy-diff', from, to],
    enabled: Boolean(from && to),
    queryFn: async () =>
      unwrap(await api.GET('/api/policy/diff', { params: { query: { from: from!, to: to! } } })),
  });
  const publish = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/policy/publish')),
    onSuccess: () => client.invalidateQueries({ queryKey: ['policy-versions'] }),
  });
  const options = (versions.data?.versions ?? []).map((v) => ({
    value: v.id,
    label: `${v.id} · ${dates.date(v.publishedOn)}`,
  }));
  return (
    <Stack>
      <Title order={1}>{t('navPolicy')}</Title>
      <ErrorAlert error={versions.error} />
      {versions.isPending && <Loading />}
      {versions.data && (
        <Scroll minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('version')}</Table.Th>
                <Table.Th>{t('published')}</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>{t('document')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.id}</Table.Td>
                  <Table.Td>{dates.dateTime(v.publishedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {v.registerSha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <a href={`/policy?lang=${lang}`}>{t('open')}</a>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Card withBorder component="section" aria-label={t('diff')}>
        <Title order={2} size="h4" mb="sm">
          {t('diff')}
        </Title>
        <Group align="end">
          <Select label={t('fromVersion')} value={from} onChange={setFrom} data={options} />
          <Select label={t('toVersion')} value={to} onChange={setTo} data={options} />
        </Group>
        <ErrorAlert error={diff.error} />
        {diff.data && diff.data.changes.length === 0 && <Text mt="sm">{t('noChanges')}</Text>}
        {diff.data?.changes.map((c) => (
          <Group key={`${c.area}:${c.purposeId}:${c.text.ru}`} mt="xs" wrap="nowrap" align="start">
            <Badge variant="filled" color={c.widens ? 'red' : 'gray'}>
              {t(`change_${c.kind}`)}
            </Badge>
            <Text size="sm">{c.text[lang] ?? c.text.ru}</Text>
          </Group>
        ))}
      </Card>
      <Card withBorder component="section" aria-label={t('publish')}>
        <Title order={2} size="h4" mb="sm">
          {t('publish')}
        </Title>
        <Text size="sm" mb="sm">
          {t('publishHint')}
        </Text>
        <ErrorAlert error={publish.error} />
        {publish.data && <Text role="status">{publish.data.message}</Text>}
        <Button onClick={() => publish.mutate()} loading={publish.isPending}>
          {t('publish')}
        </Button>
      </Card>
    </Stack>
  );
}
