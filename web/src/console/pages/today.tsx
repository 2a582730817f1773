// The morning page: what is due today and tomorrow (overdue first, in red), obligations to stop processing, the next
// retention sweep and what it would destroy, the audit chain and anything failing.
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Schema, unwrap } from '../../shared/api.js';
import { api, useMe, useRegister } from '../api.js';
import { DaysLeft, ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';
import { Charts } from './charts.js';

type Request = Schema<'SubjectRequest'>;

function RequestRows({ requests }: { requests: Request[] }) {
  const { t } = useT();
  const dates = useDates();
  if (requests.length === 0) return <Text c="dimmed">{t('nothing')}</Text>;
  return (
    <Scroll minWidth={420}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('number')}</Table.Th>
            <Table.Th>{t('type')}</Table.Th>
            <Table.Th>{t('dueDate')}</Table.Th>
            <Table.Th>{t('daysLeftColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Link to={`/console/requests/${r.id}`}>№ {r.number}</Link>
              </Table.Td>
              <Table.Td>{t(`type_${r.type}`)}</Table.Td>
              <Table.Td>{dates.date(r.dueDate)}</Table.Td>
              <Table.Td>
                <DaysLeft days={r.daysLeft} overdue={r.overdue} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function TodayPage() {
  const { t, lang } = useT();
  const dates = useDates();
  const register = useRegister();
  const me = useMe();
  const digest = useQuery({
    queryKey: ['digest'],
    queryFn: async () => unwrap(await api.GET('/api/requests/digest')),
  });
  const obligations = useQuery({
    queryKey: ['obligations', 'open'],
    queryFn: async () => unwrap(await api.GET('/api/obligations', { params: { query: { status: 'open' } } })),
  });
  const plan = useQuery({
    queryKey: ['retention-plan'],
    queryFn: async () => unwrap(await api.GET('/api/retention/plan')),
  });
  const audit = useQuery({
    queryKey: ['audit-verify'],
    queryFn: async () => unwrap(await api.POST('/api/audit/verify')),
  });
  const status = useQuery({
    queryKey: ['system-status'],
    queryFn: async () => unwrap(await api.GET('/api/system/status')),
  });
  const today = digest.data?.today;

  return (
    <Stack>
      <Title order={1}>{t('navToday')}</Title>
      {me.data && me.data.roleId === null && (
        <Alert variant="outline" color="dark" title={t('notApprovedTitle')}>
          <Text size="sm">{t('notApprovedText')}</Text>
          <Link to="/console/access-list">{t('navAccessList')}</Link>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title={t('overdue')}>
          {digest.isPending ? <Loading /> : <ErrorAlert error={digest.error} />}
          {digest.data && <RequestRows requests={digest.data.overdue} />}
        </Section>
        <Section title={`${t('dueToday')} · ${dates.date(today)}`}>
          {digest.data && <RequestRows requests={digest.data.dueToday} />}
        </Section>
        <Section title={`${t('dueTomorrow')} · ${dates.date(digest.data?.tomorrow)}`}>
          {digest.data && <RequestRows requests={digest.data.dueTomorrow} />}
        </Section>
        <Section title={t('obligations')}>
          <ErrorAlert error={obligations.error} />
          {obligations.isPending && <Loading />}
          {obligations.data &&
            (obligations.data.obligations.length === 0 ? (
              <Text c="dimmed">{t('nothing')}</Text>
            ) : (
              <Scroll minWidth={420}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('purpose')}</Table.Th>
                      <Table.Th>{t('kind')}</Table.Th>
                      <Table.Th>{t('dueDate')}</Table.Th>
                      <Table.Th>{t('daysLeftColumn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {obligations.data.obligations.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>{register.data?.purposeTitle(o.purposeId, lang) ?? o.purposeId}</Table.Td>
                        <Table.Td>
                          <Link to={`/console/subjects/${o.subjectId}`}>{o.kind}</Link>
                        </Table.Td>
                        <Table.Td>{dates.date(o.dueDate)}</Table.Td>
                        <Table.Td>
                          <DaysLeft days={daysBetween(today, o.dueDate)} calendar />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Scroll>
            ))}
        </Section>
        <Section title={t('nextSweep')}>
          <ErrorAlert error={plan.error} />
          {plan.isPending && <Loading />}
          {status.data?.nextSweepAt && (
            <Text size="sm" mb="xs">
              {t('nextSweepAt', { at: dates.dateTime(status.data.nextSweepAt) })}
            </Text>
          )}
          {plan.data && (
            <Stack gap="xs">
              <Text>{t('sweepWillDestroy', { count: plan.data.values, subjects: plan.data.subjects })}</Text>
              {plan.data.items.slice(0, 8).map((item) => (
                <Text size="sm" key={`${item.purpose}:${item.field}:${item.outcome}`}>
                  {register.data?.purposeTitle(item.purpose, lang) ?? item.purpose} —{' '}
                  {register.data?.fieldLabel(item.field, lang) ?? item.field}: {item.values} ({item.outcome})
                </Text>
              ))}
              {plan.data.held.values > 0 && (
                <Text size="sm">{t('heldValues', { count: plan.data.held.values })}</Text>
              )}
            </Stack>
          )}
        </Section>
        <Section title={t('health')}>
          <Stack gap="xs">
            <ErrorAlert error={audit.error} />
            {audit.data && (
              <Group>
                <Text>{t('auditChain')}</Text>
                <Badge color={audit.data.ok ? '#1b6e35' : 'red.9'} variant="filled">
                  {audit.data.ok ? t('chainOk', { count: audit.data.entries }) : t('chainBroken')}
                </Badge>
              </Group>
            )}
            {audit.data && !audit.data.ok && <Text c="red.9">{audit.data.message}</Text>}
            <ErrorAlert error={status.error} />
            {status.data && (
              <>
                <Group>
                  <Text>{t('mailPoller')}</Text>
                  <Badge
                    variant="filled"
                    color={
                      !status.data.mailPoller.configured
                        ? 'gray.8'
                        : status.data.mailPoller.lastError
                          ? 'red.9'
                          : '#1b6e35'
                    }
                  >
                    {!status.data.mailPoller.configured
                      ? t('notConfigured')
                      : status.data.mailPoller.lastError
                        ? t('failing')
                        : t('working')}
                  </Badge>
                </Group>
                {status.data.mailPoller.lastError && (
                  <Text size="sm" c="red.9">
                    {status.data.mailPoller.lastError}
                  </Text>
                )}
                {status.data.jobs === null ? (
                  <Text c="dimmed">{t('statusUnavailable')}</Text>
                ) : (
                  <>
                    <Group>
                      <Text>{t('jobs')}</Text>
                      <Badge variant="filled" color={status.data.jobs.failed > 0 ? 'red.9' : '#1b6e35'}>
                        {t('jobsState', { queued: status.data.jobs.queued, failed: status.data.jobs.failed })}
                      </Badge>
                    </Group>
                    {status.data.jobs.lastFailure && (
                      <Text size="sm" c="red.9">
                        {status.data.jobs.lastFailure.job} · {dates.dateTime(status.data.jobs.lastFailure.at)}
                        : {status.data.jobs.lastFailure.message}
                      </Text>
                    )}
                  </>
                )}
              </>
            )}
          </Stack>
        </Section>
      </SimpleGrid>
      <Charts />
    </Stack>
  );
}

/** Calendar days from today to a due date (obligations are counted by the API; this is only the distance). */
function daysBetween(today: string | undefined, due: string): number {
  if (!today) return 0;
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
