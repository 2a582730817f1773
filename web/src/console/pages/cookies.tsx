// Cookie-consent proofs: a visitor's proofs by the id in their amanat_consent cookie, newest first, and the export of
// a period as CSV or JSON.
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Schema, unwrap } from '../../shared/api.js';
import { api, download } from '../api.js';
import { ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';

async function proofsOf(visitorId: string): Promise<Schema<'CookieProofRecord'>[]> {
  return unwrap(await api.GET('/api/cookie-consents', { params: { query: { visitorId } } })).proofs;
}

export function CookiesPage() {
  const { t } = useT();
  const dates = useDates();
  const [input, setInput] = useState('');
  const [visitorId, setVisitorId] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [exportError, setExportError] = useState<unknown>(null);
  const proofs = useQuery({
    queryKey: ['cookie-proofs', visitorId],
    enabled: visitorId !== '',
    queryFn: () => proofsOf(visitorId),
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setVisitorId(input.trim());
  };
  const exportPeriod = async () => {
    setExportError(null);
    try {
      await download(
        `/api/cookie-consents/export?from=${from}&to=${to}&format=${format}`,
        `cookie-consents-${from}-${to}.${format}`,
      );
    } catch (e) {
      setExportError(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t('navCookies')}</Title>
      <Card withBorder>
        <form onSubmit={search}>
          <Group align="end">
            <TextInput
              label={t('visitorId')}
              description={t('visitorIdHint')}
              required
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
            />
            <Button type="submit">{t('find')}</Button>
          </Group>
        </form>
      </Card>
      <ErrorAlert error={proofs.error} />
      {proofs.isFetching && <Loading />}
      {proofs.data && proofs.data.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {proofs.data && proofs.data.length > 0 && (
        <Scroll minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('decidedAt')}</Table.Th>
                <Table.Th>{t('method')}</Table.Th>
                <Table.Th>{t('choices')}</Table.Th>
                <Table.Th>{t('version')}</Table.Th>
                <Table.Th>{t('subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proofs.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{dates.dateTime(p.decidedAt)}</Table.Td>
                  <Table.Td>
                    {p.method}
                    {p.gpc ? ' · GPC' : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {Object.entries(p.choices).map(([category, on]) => (
                        <Badge key={category} variant="filled" color={on ? '#1b6e35' : 'gray.8'}>
                          {category}: {on ? t('yes') : t('no')}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.policyVersion} · {p.lang.toUpperCase()}
                  </Table.Td>
                  <Table.Td>
                    {p.subjectId ? (
                      <Link to={`/console/subjects/${p.subjectId}`}>{t('openSubject')}</Link>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Card withBorder component="section" aria-label={t('exportProofs')}>
        <Title order={2} size="h4" mb="sm">
          {t('exportProofs')}
        </Title>
        <Group align="end">
          <TextInput
            label={t('fromDate')}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label={t('toDate')}
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <Select
            label={t('format')}
            value={format}
            allowDeselect={false}
            onChange={(v) => v && setFormat(v as 'csv' | 'json')}
            data={['csv', 'json']}
          />
          <Button variant="light" onClick={exportPeriod}>
            {t('export')}
          </Button>
        </Group>
        <ErrorAlert error={exportError} />
      </Card>
    </Stack>
  );
}
