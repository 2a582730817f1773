// The audit chain: verification of every entry's HMAC link, with the place and reason of a break.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../shared/api.js';
import { api } from '../api.js';
import { ErrorAlert, Loading, useT } from '../ui.js';

export function AuditPage() {
  const { t } = useT();
  const verify = useQuery({
    queryKey: ['audit-verify'],
    queryFn: async () => unwrap(await api.POST('/api/audit/verify')),
  });
  return (
    <Stack>
      <Title order={1}>{t('navAudit')}</Title>
      <Card withBorder>
        <Stack>
          <ErrorAlert error={verify.error} />
          {verify.isFetching && <Loading />}
          {verify.data && (
            <Group>
              <Badge size="lg" variant="filled" color={verify.data.ok ? '#1b6e35' : 'red.9'}>
                {verify.data.ok ? t('chainOk', { count: verify.data.entries }) : t('chainBroken')}
              </Badge>
              {verify.data.anchoredSeq !== undefined && (
                <Text size="sm">{t('anchoredAt', { seq: verify.data.anchoredSeq })}</Text>
              )}
            </Group>
          )}
          {verify.data && !verify.data.ok && (
            <Text c="red.9">
              {verify.data.seq !== undefined ? `#${verify.data.seq}: ` : ''}
              {verify.data.message ?? verify.data.problem}
            </Text>
          )}
          <Group>
            <Button variant="light" onClick={() => verify.refetch()}>
              {t('verifyAgain')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
