// Charts from /api/stats: requests per week with the on-time share, consents granted and withdrawn per
// purpose, values destroyed per month. Each is a table whose cells carry a bar, so the numbers stay readable by a
// screen reader and the shape is seen at a glance; no chart library for three bar charts.
import { Box, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../shared/api.js';
import { api, useRegister } from '../api.js';
import { ErrorAlert, Loading, useDates, useT } from '../ui.js';

function Bar({ value, max, color }: { value: number; max: number; color: string }) {
  const width = max > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0;
  return (
    <Box style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      <Box
        aria-hidden
        style={{ width: `${width}%`, maxWidth: 160, height: 10, background: color, borderRadius: 2 }}
      />
      <Text size="sm" component="span">
        {value}
      </Text>
    </Box>
  );
}

export function Charts() {
  const { t, lang } = useT();
  const dates = useDates();
  const register = useRegister();
  const stats = useQuery({
    queryKey: ['stats'],
    queryFn: async () => unwrap(await api.GET('/api/stats', { params: { query: { weeks: 12 } } })),
  });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ErrorAlert error={stats.error} />;
  const { requestsPerWeek, consentsPerPurpose, destroyedPerMonth } = stats.data;
  const maxWeek = Math.max(0, ...requestsPerWeek.map((w) => w.received));
  const maxConsent = Math.max(0, ...consentsPerPurpose.flatMap((c) => [c.granted, c.withdrawn]));
  const maxMonth = Math.max(0, ...destroyedPerMonth.map((m) => m.values));
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }}>
      <Card withBorder component="section" aria-label={t('chartRequests')}>
        <Title order={2} size="h4" mb="sm">
          {t('chartRequests')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('week')}</Table.Th>
              <Table.Th>{t('received')}</Table.Th>
              <Table.Th>{t('onTime')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requestsPerWeek.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Td>{dates.date(w.week)}</Table.Td>
                <Table.Td>
                  <Bar value={w.received} max={maxWeek} color="var(--mantine-color-blue-8)" />
                </Table.Td>
                <Table.Td>{w.answered > 0 ? `${Math.round((w.onTime / w.answered) * 100)} %` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder component="section" aria-label={t('chartConsents')}>
        <Title order={2} size="h4" mb="sm">
          {t('chartConsents')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('purpose')}</Table.Th>
              <Table.Th>{t('granted')}</Table.Th>
              <Table.Th>{t('withdrawn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consentsPerPurpose.map((c) => (
              <Table.Tr key={c.purposeId}>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {register.data?.purposeTitle(c.purposeId, lang) ?? c.purposeId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Bar value={c.granted} max={maxConsent} color="#1b6e35" />
                </Table.Td>
                <Table.Td>
                  <Bar value={c.withdrawn} max={maxConsent} color="var(--mantine-color-red-9)" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder component="section" aria-label={t('chartDestroyed')}>
        <Title order={2} size="h4" mb="sm">
          {t('chartDestroyed')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('month')}</Table.Th>
              <Table.Th>{t('valuesDestroyed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {destroyedPerMonth.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td>
                  <Bar value={m.values} max={maxMonth} color="var(--mantine-color-gray-8)" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}
