// One request: its facts, deadline and timeline; the steps the workflow allows (assign, verify identity, extend
// with a reason, refuse with a reason, execute), the answer's preview, the PDF letter and sending the answer.
import {
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type Schema, unwrap } from '../../shared/api.js';
import { api, download } from '../api.js';
import { DaysLeft, ErrorAlert, Link, Loading, Scroll, useDates, useT } from '../ui.js';
import { actionText, outcomeText, unitText } from '../words.js';

type Details = Schema<'SubjectRequestDetails'>;
const manualWays = [
  'in_person',
  'signed_letter',
  'digital_signature',
  'video_call',
  'known_contact',
] as const;
type ManualWay = (typeof manualWays)[number];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="div">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

/** A button opening a dialog with one text field (a reason) and a confirm button. */
function ReasonAction({
  label,
  title,
  fieldLabel,
  color,
  onConfirm,
  children,
}: {
  label: string;
  title: string;
  fieldLabel: string;
  color?: string;
  onConfirm: (reason: string) => Promise<unknown>;
  children?: ReactNode;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button variant="light" color={color} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title}>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await onConfirm(reason);
              setOpen(false);
              setReason('');
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Stack>
            {children}
            <Textarea
              label={fieldLabel}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <ErrorAlert error={error} />
            <Group justify="end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
              <Button type="submit" color={color} loading={busy}>
                {t('confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function Report({ id }: { id: string }) {
  const { t } = useT();
  const dates = useDates();
  const report = useQuery({
    queryKey: ['request', id, 'report'],
    queryFn: async () =>
      unwrap(await api.GET('/api/requests/{requestId}/report', { params: { path: { requestId: id } } })),
  });
  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorAlert error={report.error} />;
  const data = report.data;
  return (
    <Stack gap="xs">
      {data.noDataHeld && <Text>{t('noDataHeld')}</Text>}
      {data.purposes.map((p) => (
        <div key={p.id}>
          <Text fw={600}>
            {p.number ? `${p.number}. ` : ''}
            {p.title}
          </Text>
          <Scroll minWidth={360}>
            <Table>
              <Table.Tbody>
                {p.values.map((v) => (
                  <Table.Tr key={`${p.id}:${v.field}`}>
                    <Table.Td>{v.label}</Table.Td>
                    <Table.Td>{v.value === undefined ? t('hiddenValue') : String(v.value)}</Table.Td>
                    <Table.Td>{dates.date(v.collectedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
        </div>
      ))}
      {data.consents.length > 0 && (
        <Text size="sm">{t('consentsInReport', { count: data.consents.length })}</Text>
      )}
    </Stack>
  );
}

export function RequestPage({ id }: { id: string }) {
  const { t, lang } = useT();
  const dates = useDates();
  const client = useQueryClient();
  const [how, setHow] = useState<ManualWay>('in_person');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [answer, setAnswer] = useState('');
  const [showReport, setShowReport] = useState(false);
  const [showViews, setShowViews] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const path = { params: { path: { requestId: id } } };

  const request = useQuery({
    queryKey: ['request', id],
    queryFn: async () => unwrap(await api.GET('/api/requests/{requestId}', path)) as Details,
  });
  const history = useQuery({
    queryKey: ['request', id, 'history'],
    queryFn: async () => unwrap(await api.GET('/api/requests/{requestId}/history', path)),
  });
  const staff = useQuery({
    queryKey: ['staff'],
    queryFn: async () => unwrap(await api.GET('/api/staff')),
  });
  const names = new Map((staff.data?.staff ?? []).map((s) => [`staff:${s.id}`, s.fullName]));
  const actorName = (actor: string) =>
    names.get(actor) ?? (actor.startsWith('staff:') ? t('staffMember') : actor);
  const refresh = () => client.invalidateQueries({ queryKey: ['request', id] });
  const step = useMutation({
    mutationFn: async (run: () => Promise<unknown>) => run(),
    onMutate: () => setActionError(null),
    onSuccess: async () => {
      await refresh();
      await client.invalidateQueries({ queryKey: ['requests'] });
      await client.invalidateQueries({ queryKey: ['digest'] });
    },
    onError: setActionError,
  });

  if (request.isPending) return <Loading />;
  if (request.error) return <ErrorAlert error={request.error} />;
  const r = request.data;
  const open = r.closedAt === null && r.status !== 'answered' && r.status !== 'refused';
  const answered = r.status === 'answered';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>
          {t('requestNumber', { number: r.number })} · {t(`type_${r.type}`)}
        </Title>
        <Link to="/console/requests">{t('backToQueue')}</Link>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label={t('status')}>
            <Badge variant="filled">{t(`status_${r.status}`)}</Badge>
          </Fact>
          <Fact label={t('received')}>{dates.dateTime(r.receivedAt)}</Fact>
          <Fact label={t('dueDate')}>{dates.date(r.dueDate)}</Fact>
          <Fact label={t('daysLeftColumn')}>
            {open ? <DaysLeft days={r.daysLeft} overdue={r.overdue} /> : '—'}
          </Fact>
          <Fact label={t('channel')}>{r.channel}</Fact>
          <Fact label={t('language')}>{r.language.toUpperCase()}</Fact>
          <Fact label={t('assignee')}>{r.assignee ?? '—'}</Fact>
          <Fact label={t('deadlineRule')}>
            {r.deadline.amount} {unitText(r.deadline.unit, lang)} · {r.deadline.rule}
          </Fact>
          <Fact label={t('contact')}>
            {[r.contact.name, r.contact.email, r.contact.phone].filter(Boolean).join(', ') || '—'}
          </Fact>
          <Fact label={t('verification')}>
            {r.verification
              ? `${t(`how_${(r.verification.how ?? 'email_code') as ManualWay | 'email_code'}`)} · ${dates.dateTime(r.verification.verifiedAt)}`
              : t('notVerified')}
          </Fact>
          {r.subjectId && (
            <Fact label={t('subject')}>
              <Link to={`/console/subjects/${r.subjectId}`}>{t('openSubject')}</Link>
            </Fact>
          )}
          {r.extensionReason && <Fact label={t('extensionReason')}>{r.extensionReason}</Fact>}
        </SimpleGrid>
        {r.details.text && (
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.details.text}
          </Text>
        )}
        {r.outcome && (
          <Text mt="sm" fw={600}>
            {t('outcome')}: {outcomeText(r.outcome.summary, lang)}
            {r.outcome.refusal ? ` — ${r.outcome.refusal.reason}` : ''}
          </Text>
        )}
      </Card>

      <ErrorAlert error={actionError} />

      {open && (
        <Card withBorder component="section" aria-label={t('actions')}>
          <Title order={2} size="h4" mb="sm">
            {t('actions')}
          </Title>
          <Stack>
            <Group align="end">
              <Autocomplete
                label={t('assignTo')}
                value={assignee}
                onChange={setAssignee}
                data={(staff.data?.staff ?? []).map((s) => s.email)}
              />
              <Button
                variant="light"
                disabled={!assignee}
                onClick={() =>
                  step.mutate(async () =>
                    unwrap(
                      await api.POST('/api/requests/{requestId}/assign', { ...path, body: { assignee } }),
                    ),
                  )
                }
              >
                {t('assign')}
              </Button>
            </Group>
            {!r.verification && (
              <Group align="end">
                <Select
                  label={t('verifyManually')}
                  value={how}
                  allowDeselect={false}
                  onChange={(value) => value && setHow(value as ManualWay)}
                  data={manualWays.map((w) => ({ value: w, label: t(`how_${w}`) }))}
                />
                <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
                <Button
                  variant="light"
                  onClick={() =>
                    step.mutate(async () =>
                      unwrap(
                        await api.POST('/api/requests/{requestId}/verification/manual', {
                          ...path,
                          body: { how, ...(note ? { note } : {}) },
                        }),
                      ),
                    )
                  }
                >
                  {t('markVerified')}
                </Button>
                {r.contact.email && (
                  <Button
                    variant="subtle"
                    onClick={() =>
                      step.mutate(async () =>
                        unwrap(
                          await api.POST('/api/requests/{requestId}/verification/email', {
                            ...path,
                            body: {},
                          }),
                        ),
                      )
                    }
                  >
                    {t('sendCode')}
                  </Button>
                )}
              </Group>
            )}
            {r.verification && (
              <Group align="end">
                <Textarea
                  label={t('answerText')}
                  description={t('answerTextHint')}
                  autosize
                  minRows={2}
                  style={{ flex: 1 }}
                  value={answer}
                  onChange={(e) => setAnswer(e.currentTarget.value)}
                />
                <Button
                  onClick={() =>
                    step.mutate(async () =>
                      unwrap(
                        await api.POST('/api/requests/{requestId}/execute', {
                          ...path,
                          body: answer ? { answer } : {},
                        }),
                      ),
                    )
                  }
                  loading={step.isPending}
                >
                  {t('execute')}
                </Button>
              </Group>
            )}
            <Group>
              {!r.extensionReason && (
                <ReasonAction
                  label={t('extend')}
                  title={t('extendTitle')}
                  fieldLabel={t('reason')}
                  onConfirm={async (reason) =>
                    step.mutateAsync(async () =>
                      unwrap(
                        await api.POST('/api/requests/{requestId}/extend', { ...path, body: { reason } }),
                      ),
                    )
                  }
                />
              )}
              <ReasonAction
                label={t('refuse')}
                title={t('refuseTitle')}
                fieldLabel={t('refusalReason')}
                color="red"
                onConfirm={async (reason) =>
                  step.mutateAsync(async () =>
                    unwrap(await api.POST('/api/requests/{requestId}/refuse', { ...path, body: { reason } })),
                  )
                }
              />
            </Group>
          </Stack>
        </Card>
      )}

      {(answered || r.status === 'refused') && (
        <Card withBorder component="section" aria-label={t('answer')}>
          <Title order={2} size="h4" mb="sm">
            {t('answer')}
          </Title>
          <Group>
            <Button
              variant="light"
              onClick={() =>
                step.mutate(() => download(`/api/requests/${id}/letter`, `request-${r.number}.pdf`))
              }
            >
              {t('downloadLetter')}
            </Button>
            {r.type === 'access' && (
              <Button variant="subtle" onClick={() => setShowReport((v) => !v)} aria-expanded={showReport}>
                {t('previewAnswer')}
              </Button>
            )}
            {r.contact.email && (
              <Button
                variant="light"
                onClick={() =>
                  step.mutate(async () =>
                    unwrap(await api.POST('/api/requests/{requestId}/send-answer', { ...path, body: {} })),
                  )
                }
              >
                {t('sendAnswer')}
              </Button>
            )}
          </Group>
          {step.isSuccess && (
            <Text size="sm" mt="xs" role="status">
              {t('done')}
            </Text>
          )}
          {showReport && <Report id={id} />}
        </Card>
      )}

      <Card withBorder component="section" aria-label={t('timeline')}>
        <Title order={2} size="h4" mb="sm">
          {t('timeline')}
        </Title>
        <ErrorAlert error={history.error} />
        <Checkbox
          mb="sm"
          label={t('showViews')}
          checked={showViews}
          onChange={(e) => setShowViews(e.currentTarget.checked)}
        />
        {history.data && (
          <Timeline bulletSize={14} lineWidth={2} active={history.data.history.length}>
            {history.data.history
              .filter((h) => showViews || h.action !== 'request.read')
              .map((h) => (
                <Timeline.Item key={h.seq} title={actionText(h.action, lang)}>
                  <Text size="sm" c="dimmed">
                    {dates.dateTime(h.at)} · {actorName(h.actor)}
                  </Text>
                </Timeline.Item>
              ))}
          </Timeline>
        )}
      </Card>
    </Stack>
  );
}
