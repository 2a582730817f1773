// Small pieces every console page uses: the API's error as an alert, a loading line, days-left badges coloured by
// urgency, links that stay in the app, and dates in the operator's time zone.
import { Alert, Anchor, Badge, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorText } from '../shared/api.js';
import { formatDate, useI18n } from '../shared/i18n.js';
import { linkClick } from '../shared/router.js';
import { useRegister } from './api.js';
import type { ConsoleKey } from './messages.js';

export function useT() {
  return useI18n<ConsoleKey>();
}

/** Formats an instant or a local date in the operator's time zone. */
export function useDates() {
  const { lang } = useT();
  const register = useRegister();
  const timeZone = register.data?.timeZone;
  return {
    date: (value: string | null | undefined) => (value ? formatDate(value, lang, timeZone) : '—'),
    dateTime: (value: string | null | undefined) => (value ? formatDate(value, lang, timeZone, true) : '—'),
    timeZone,
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <Alert color="red" title={t('error')} role="alert" my="sm">
      {error instanceof Error ? error.message : errorText(error)}
    </Alert>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <Center py="lg" aria-live="polite">
      <Loader size="sm" aria-label={t('loading')} />
    </Center>
  );
}

/** Working days left: red when overdue or due today, orange within two days, green otherwise. */
export function DaysLeft({
  days,
  overdue,
  calendar = false,
}: {
  days: number;
  overdue?: boolean;
  calendar?: boolean;
}) {
  const { t } = useT();
  const late = overdue || days < 0;
  const color = late ? 'red.9' : days <= 0 ? 'red.9' : days <= 2 ? '#a14100' : '#1b6e35';
  const label = late
    ? t('overdueBy', { count: Math.abs(days) })
    : days === 0
      ? t('dueToday')
      : t(calendar ? 'calendarDaysLeft' : 'daysLeft', { count: days });
  return (
    <Badge color={color} variant="filled" radius="sm">
      {label}
    </Badge>
  );
}

export function Link({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor href={to} onClick={linkClick}>
      {children}
    </Anchor>
  );
}

/** A wide table's horizontal scroll on a phone, reachable from the keyboard (tab to it, then arrow keys). */
export function Scroll({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard.
    <div tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
