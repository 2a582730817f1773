// The request queue: filters by state and lateness, a search over number, type and assignee.
import { Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { api } from '../api.js';
import { DaysLeft, ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';

const statuses = ['received', 'verifying', 'in_progress', 'answered', 'refused'] as const;
type Filter = 'open' | 'overdue' | 'all' | (typeof statuses)[number];

export function RequestsPage() {
  const { t } = useT();
  const dates = useDates();
  const [filter, setFilter] = useState<Filter>('open');
  const [search, setSearch] = useState('');
  const query = useQuery({
    queryKey: ['requests', filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/requests', {
          params: {
            query:
              filter === 'open'
                ? { open: 'true' }
                : filter === 'overdue'
                  ? { overdue: 'true' }
                  : filter === 'all'
                    ? {}
                    : { status: filter },
          },
        }),
      ),
  });
  const needle = search.trim().toLowerCase();
  const rows = (query.data?.requests ?? []).filter(
    (r) =>
      !needle ||
      String(r.number).includes(needle) ||
      t(`type_${r.type}`).toLowerCase().includes(needle) ||
      (r.assignee ?? '').toLowerCase().includes(needle),
  );
  return (
    <Stack>
      <Title order={1}>{t('navRequests')}</Title>
      <Group align="end">
        <Select
          label={t('show')}
          value={filter}
          onChange={(value) => value && setFilter(value as Filter)}
          allowDeselect={false}
          data={[
            { value: 'open', label: t('filterOpen') },
            { value: 'overdue', label: t('overdue') },
            ...statuses.map((s) => ({ value: s, label: t(`status_${s}`) })),
            { value: 'all', label: t('filterAll') },
          ]}
        />
        <TextInput
          label={t('search')}
          placeholder={t('searchRequestsHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && rows.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {rows.length > 0 && (
        <Scroll minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('number')}</Table.Th>
                <Table.Th>{t('type')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('received')}</Table.Th>
                <Table.Th>{t('dueDate')}</Table.Th>
                <Table.Th>{t('daysLeftColumn')}</Table.Th>
                <Table.Th>{t('assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Link to={`/console/requests/${r.id}`}>№ {r.number}</Link>
                  </Table.Td>
                  <Table.Td>{t(`type_${r.type}`)}</Table.Td>
                  <Table.Td>{t(`status_${r.status}`)}</Table.Td>
                  <Table.Td>{dates.date(r.receivedAt)}</Table.Td>
                  <Table.Td>{dates.date(r.dueDate)}</Table.Td>
                  <Table.Td>{r.closedAt ? '—' : <DaysLeft days={r.daysLeft} overdue={r.overdue} />}</Table.Td>
                  <Table.Td>{r.assignee ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </Stack>
  );
}
