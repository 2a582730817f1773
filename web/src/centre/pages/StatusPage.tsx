// A request's status by the link from the e-mail: /requests/status#<token>. The token stays in the fragment (never
// sent in a URL to the server); it goes in the POST body.
import { Badge, Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../../shared/api.js';
import { formatDate, useI18n } from '../../shared/i18n.js';
import {
  centreApi,
  type RequestState,
  type RequestStatus,
  saveFile,
  type TimelineEvent,
} from '../contract.js';
import type { CentreKey } from '../messages.js';
import { BackHome, Failure, Loading } from './common.js';

// Light shades get black text, the dark one white (theme autoContrast): each pair passes WCAG AA.
const stateColor: Record<RequestState, string> = {
  received: 'gray.3',
  verifying: 'yellow.3',
  in_progress: 'blue.2',
  extended: 'orange.3',
  answered: 'green.3',
  refused: 'red.9',
};

/** A step's instant with its time zone named: the dates above are the operator's days, this is the reader's clock. */
function moment(at: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : lang === 'en' ? 'en-GB' : 'ru-RU', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(at));
}

function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
}

export function StatusPage() {
  const { t, lang } = useI18n<CentreKey>();
  const [token, setToken] = useState(tokenFromHash);
  const [status, setStatus] = useState<RequestStatus | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'letter' | 'export' | null>(null);

  useEffect(() => {
    const update = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);

  useEffect(() => {
    if (!token) return;
    setStatus(null);
    setFailure(null);
    centreApi
      .requestStatus(token)
      .then(setStatus, (error: unknown) =>
        setFailure(
          error instanceof ApiFailure && error.status === 404 ? new Error(t('statusUnknown')) : error,
        ),
      );
  }, [token, t]);

  const fetchFile = useCallback(
    async (what: 'letter' | 'export') => {
      if (!status) return;
      setBusy(what);
      setFailure(null);
      try {
        saveFile(await (what === 'letter' ? centreApi.letter : centreApi.dataExport)(token, status.number));
      } catch (error) {
        setFailure(error);
      } finally {
        setBusy(null);
      }
    },
    [status, token],
  );

  const stateLabel = (value: RequestState) => t(`state_${value}`);
  const eventLabel = (value: TimelineEvent) => t(`event_${value}`);
  const open = status && status.state !== 'answered' && status.state !== 'refused';

  return (
    <Stack gap="lg">
      <BackHome />
      <Title order={1}>{status ? `${t('statusTitle')} № ${status.number}` : t('statusTitle')}</Title>
      {!token ? <Text role="alert">{t('statusNoToken')}</Text> : null}
      <Failure error={failure} />
      {token && !status && !failure ? <Loading /> : null}
      {status ? (
        <>
          <Group gap="sm">
            <Text fw={600}>{t(`type_${status.type}`)}</Text>
            <Badge
              color={stateColor[status.state]}
              variant="filled"
              size="lg"
              tt="none"
              data-state={status.state}
            >
              {stateLabel(status.state)}
            </Badge>
          </Group>
          <Stack gap={4}>
            <Text>{t('statusReceived', { date: formatDate(status.receivedOn, lang) })}</Text>
            <Text>
              {t('statusDue', { date: formatDate(status.dueOn, lang) })}
              {open
                ? ` — ${
                    status.workingDaysLeft >= 0
                      ? t('daysLeft', { count: status.workingDaysLeft })
                      : t('daysOverdue', { count: -status.workingDaysLeft })
                  }`
                : ''}
            </Text>
          </Stack>
          {status.letter || status.export ? (
            <Stack gap="sm">
              <Text fw={600}>{t('answerReady')}</Text>
              <Group gap="sm">
                {status.letter ? (
                  <Button onClick={() => fetchFile('letter')} loading={busy === 'letter'}>
                    {t('downloadLetter')}
                  </Button>
                ) : null}
                {status.export ? (
                  <Button variant="outline" onClick={() => fetchFile('export')} loading={busy === 'export'}>
                    {t('downloadExport')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : null}
          <section aria-labelledby="timeline-heading">
            <Title order={2} size="h3" id="timeline-heading" mb="sm">
              {t('timeline')}
            </Title>
            <Timeline active={status.timeline.length - 1} bulletSize={16} lineWidth={2}>
              {status.timeline.map((entry) => (
                <Timeline.Item key={`${entry.at}-${entry.event}`} title={eventLabel(entry.event)}>
                  <Text size="sm">{moment(entry.at, lang)}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </section>
        </>
      ) : null}
    </Stack>
  );
}
