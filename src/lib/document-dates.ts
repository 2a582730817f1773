// Dates as documents print them (letters, acts, lists, the policy): dd.mm.yyyy, in the operator's time zone.
// Plain dates (YYYY-MM-DD) are already in the operator's time zone: reordered, not converted, so that a
// zone west of UTC cannot move them to the previous day.
export const plainDay = (ymd: string) => ymd.split('-').reverse().join('.');

/** dd.mm.yyyy of an instant in the given zone. */
export const ruDay = (iso: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );

/** dd.mm.yyyy, hh:mm of an instant in the given zone. */
export const ruDateTime = (iso: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
