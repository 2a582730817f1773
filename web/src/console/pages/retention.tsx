// Retention: what the next sweep would do, running it now (the answer arrives when it is done; a spinner meanwhile),
// the past runs and the destruction acts with their PDF.
import { Badge, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../shared/api.js';
import { api, download, useRegister } from '../api.js';
import { ErrorAlert, Loading, Scroll, useDates, useT } from '../ui.js';

export function RetentionPage() {
  const { t, lang } = useT();
  const dates = useDates();
  const register = useRegister();
  const client = useQueryClient();
  const plan = useQuery({
    queryKey: ['retention-plan'],
    queryFn: async () => unwrap(await api.GET('/api/retention/plan')),
  });
  const runs = useQuery({
    queryKey: ['retention-runs'],
    queryFn: async () => unwrap(await api.GET('/api/retention/runs')),
  });
  const acts = useQuery({
    queryKey: ['retention-acts'],
    queryFn: async () => unwrap(await api.GET('/api/retention/acts', { params: { query: { limit: 50 } } })),
  });
  const run = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/retention/run')),
    onSettled: () => client.invalidateQueries({ queryKey: ['retention-plan'] }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['retention-runs'] });
      await client.invalidateQueries({ queryKey: ['retention-acts'] });
    },
  });
  return (
    <Stack>
      <Title order={1}>{t('navRetention')}</Title>
      <Card withBorder component="section" aria-label={t('nextSweep')}>
        <Title order={2} size="h4" mb="sm">
          {t('nextSweep')}
        </Title>
        <ErrorAlert error={plan.error} />
        {plan.isPending && <Loading />}
        {plan.data && (
          <Stack gap="xs">
            <Text>{t('sweepWillDestroy', { count: plan.data.values, subjects: plan.data.subjects })}</Text>
            {plan.data.items.map((item) => (
              <Text size="sm" key={`${item.purpose}:${item.field}:${item.outcome}`}>
                {register.data?.purposeTitle(item.purpose, lang) ?? item.purpose} —{' '}
                {register.data?.fieldLabel(item.field, lang) ?? item.field}: {item.values} ({item.outcome})
              </Text>
            ))}
          </Stack>
        )}
        <Group mt="md">
          <Button color="red" onClick={() => run.mutate()} loading={run.isPending}>
            {t('runNow')}
          </Button>
        </Group>
        {run.isPending && <Progress value={100} animated striped mt="sm" aria-label={t('running')} />}
        <ErrorAlert error={run.error} />
        {run.data && (
          <Text role="status" mt="sm">
            {t('sweepDone', { values: run.data.valuesDestroyed, acts: run.data.acts.length })}
          </Text>
        )}
      </Card>
      <Title order={2} size="h3">
        {t('runs')}
      </Title>
      <ErrorAlert error={runs.error} />
      {runs.data && runs.data.runs.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {runs.data && runs.data.runs.length > 0 && (
        <Scroll minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('started')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('valuesDestroyed')}</Table.Th>
                <Table.Th>{t('trigger')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.runs.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{dates.dateTime(r.started_at)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="filled"
                      color={r.status === 'failed' ? 'red.9' : r.status === 'running' ? '#a14100' : '#1b6e35'}
                    >
                      {r.status}
                    </Badge>
                    {r.error && (
                      <Text size="xs" c="red.9">
                        {r.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.values_destroyed}</Table.Td>
                  <Table.Td>{r.trigger}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Title order={2} size="h3">
        {t('acts')}
      </Title>
      <ErrorAlert error={acts.error} />
      {acts.data && acts.data.acts.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {acts.data?.acts.map((a) => (
        <Group key={a.id} gap="sm">
          <Text size="sm">
            {t('actNumber', { number: a.number })} · {a.kind} · {dates.dateTime(a.createdAt)} · {a.status}
          </Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => download(`/api/retention/acts/${a.id}/pdf`, `act-${a.number}.pdf`)}
          >
            PDF
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
