// The approved access list: its versions, a proposal (who holds which role from which date), and the head's
// approval or refusal; the approved version's PDF for the paper file.
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { api, download, useMe } from '../api.js';
import { ErrorAlert, Loading, Scroll, useDates, useT } from '../ui.js';

interface Entry {
  staffId: string;
  roleId: string;
  grantedFrom: string;
}

function VersionDetails({ id }: { id: string }) {
  const { t } = useT();
  const version = useQuery({
    queryKey: ['access-list', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/access-list/{versionId}', { params: { path: { versionId: id } } })),
  });
  if (version.isPending) return <Loading />;
  if (version.error) return <ErrorAlert error={version.error} />;
  return (
    <Scroll minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('person')}</Table.Th>
            <Table.Th>{t('role')}</Table.Th>
            <Table.Th>{t('purposes')}</Table.Th>
            <Table.Th>{t('grantedFrom')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {version.data.entries.map((e) => (
            <Table.Tr key={`${e.staffId ?? e.keyId}:${e.role.id}`}>
              <Table.Td>
                {e.fullName}
                {e.position ? `, ${e.position}` : ''}
              </Table.Td>
              <Table.Td>{e.role.name}</Table.Td>
              <Table.Td>{e.purposes.map((p) => p.number ?? p.id).join(', ') || '—'}</Table.Td>
              <Table.Td>{e.grantedFrom}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

function Proposal({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const staff = useQuery({ queryKey: ['staff'], queryFn: async () => unwrap(await api.GET('/api/staff')) });
  const roles = useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/roles')) });
  const today = new Date().toISOString().slice(0, 10);
  const [entries, setEntries] = useState<Entry[]>([{ staffId: '', roleId: '', grantedFrom: today }]);
  const [note, setNote] = useState('');
  const propose = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/access-list/proposals', {
          body: { entries, ...(note ? { note } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const set = (i: number, patch: Partial<Entry>) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <Card withBorder component="section" aria-label={t('propose')}>
      <Title order={2} size="h4" mb="sm">
        {t('propose')}
      </Title>
      <ErrorAlert error={staff.error ?? roles.error} />
      <Stack>
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered.
          <Group key={i} align="end">
            <Select
              label={t('person')}
              value={e.staffId || null}
              onChange={(v) => set(i, { staffId: v ?? '' })}
              data={(staff.data?.staff ?? []).map((s) => ({
                value: s.id,
                label: `${s.fullName} (${s.email})`,
              }))}
              searchable
            />
            <Select
              label={t('role')}
              value={e.roleId || null}
              onChange={(v) => set(i, { roleId: v ?? '' })}
              data={(roles.data?.roles ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
            <TextInput
              label={t('grantedFrom')}
              type="date"
              value={e.grantedFrom}
              onChange={(ev) => set(i, { grantedFrom: ev.currentTarget.value })}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}
            >
              {t('remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setEntries((list) => [...list, { staffId: '', roleId: '', grantedFrom: today }])}
          >
            {t('addRow')}
          </Button>
        </Group>
        <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ErrorAlert error={propose.error} />
        <Group>
          <Button onClick={() => propose.mutate()} loading={propose.isPending}>
            {t('propose')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function AccessListPage() {
  const { t } = useT();
  const dates = useDates();
  const me = useMe();
  const client = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['access-list'],
    queryFn: async () => unwrap(await api.GET('/api/access-list')),
  });
  const decide = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) =>
      approve
        ? unwrap(
            await api.POST('/api/access-list/{versionId}/approve', {
              params: { path: { versionId: id } },
              body: {},
            }),
          )
        : unwrap(
            await api.POST('/api/access-list/{versionId}/reject', {
              params: { path: { versionId: id } },
              body: { reason: t('rejectedInConsole') },
            }),
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['access-list'] }),
  });
  const isHead = me.data?.staff.isHead ?? false;
  return (
    <Stack>
      <Title order={1}>{t('navAccessList')}</Title>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={decide.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.versions.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {list.data?.versions.map((v) => (
        <Card withBorder key={v.id}>
          <Group justify="space-between">
            <Group>
              <Text fw={600}>{t('listVersion', { version: v.version })}</Text>
              <Badge
                variant="filled"
                color={v.status === 'approved' ? '#1b6e35' : v.status === 'proposed' ? '#a14100' : 'gray.8'}
              >
                {t(`list_${v.status}`)}
              </Badge>
              <Text size="sm">
                {t('personsCount', { count: v.persons })} · {dates.date(v.proposedAt)}
              </Text>
            </Group>
            <Group gap="xs">
              <Button variant="subtle" size="xs" onClick={() => setOpenId(openId === v.id ? null : v.id)}>
                {openId === v.id ? t('hide') : t('show')}
              </Button>
              {v.status === 'proposed' && isHead && (
                <>
                  <Button size="xs" onClick={() => decide.mutate({ id: v.id, approve: true })}>
                    {t('approve')}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => decide.mutate({ id: v.id, approve: false })}
                  >
                    {t('reject')}
                  </Button>
                </>
              )}
              {v.status !== 'proposed' && v.status !== 'rejected' && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => download(`/api/access-list/${v.id}/pdf`, `access-list-${v.version}.pdf`)}
                >
                  PDF
                </Button>
              )}
            </Group>
          </Group>
          {openId === v.id && <VersionDetails id={v.id} />}
        </Card>
      ))}
      {!isHead && (
        <Text size="sm" c="dimmed">
          {t('headApproves')}
        </Text>
      )}
      <Proposal onDone={() => client.invalidateQueries({ queryKey: ['access-list'] })} />
    </Stack>
  );
}
