// The law's numbers in profiles/kz.yaml and profiles/ru.yaml, loaded through loadProfile() and checked against
// the digest (LAW.md). Kept beside the calendars because the profiles name the calendar that counts their days.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromPackageRoot } from '../../lib/paths.js';
import { jurisdictionProfile, requiredDeadlineKinds } from '../jurisdiction/profile.schema.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { getCalendar } from './calendar.js';

describe('Kazakhstan profile', () => {
  const profile = loadProfile('KZ');

  it('validates and points at the KZ calendar in Almaty', () => {
    expect(profile.code).toBe('KZ');
    expect(profile.calendar).toBe('KZ');
    expect(profile.default_timezone).toBe('Asia/Almaty');
  });

  it('holds every deadline of the digest with its unit', () => {
    const numbers = Object.fromEntries(
      Object.entries(profile.deadlines).map(([kind, deadline]) => [kind, [deadline.amount, deadline.unit]]),
    );
    expect(numbers).toEqual({
      information_request: [3, 'working_days'],
      access_request: [3, 'working_days'],
      rectification: [1, 'working_days'],
      blocking: [1, 'working_days'],
      unblocking: [1, 'working_days'],
      destruction: [1, 'working_days'],
      consent_withdrawal: [15, 'working_days'],
      unlawful_publication_removal: [1, 'working_days'],
      breach_notification: [1, 'working_days'],
      objection_automated_decision: [3, 'working_days'],
      transfer_notification: [10, 'working_days'],
    });
  });

  it('marks as unconfirmed exactly the numbers the digest could not confirm', () => {
    const unconfirmed = Object.entries(profile.deadlines)
      .filter(([, deadline]) => deadline.unconfirmed)
      .map(([kind]) => kind);
    expect(unconfirmed).toEqual(['information_request', 'access_request', 'unlawful_publication_removal']);
  });

  it('states no doubt and no internal document in a rule a subject or an inspector reads', () => {
    for (const code of ['KZ', 'RU'] as const) {
      for (const deadline of Object.values(loadProfile(code).deadlines)) {
        expect(deadline.rule).not.toMatch(/дайджест|digest|не сверено|толкование|LAW\.md|unconfirmed/i);
      }
    }
  });

  it('quotes the article in the rule', () => {
    expect(profile.deadlines.consent_withdrawal?.rule).toContain('ст. 8 п. 7');
    expect(profile.deadlines.consent_withdrawal?.rule).toContain('231-VIII');
    expect(profile.deadlines.objection_automated_decision?.rule).toContain('ст. 19-1');
  });

  it('requires local storage, the full consent contents and three years for destruction acts', () => {
    expect(profile.localisation.required_countries).toEqual(['KZ']);
    expect(profile.localisation.rule).toContain('ст. 12 п. 2');
    expect(profile.consent_contents.required).toEqual([
      'operator_name',
      'operator_bin_iin',
      'subject_full_name',
      'term',
      'third_party_transfer',
      'cross_border_transfer',
      'publication',
      'data_list',
    ]);
    expect(profile.destruction_act_retention_years).toBe(3);
  });
});

describe('Russia profile', () => {
  const profile = loadProfile('RU');

  it('validates and points at the RU calendar in Moscow', () => {
    expect(profile.code).toBe('RU');
    expect(profile.calendar).toBe('RU');
    expect(profile.default_timezone).toBe('Europe/Moscow');
  });

  it('holds the 152-FZ deadlines with their units', () => {
    const numbers = Object.fromEntries(
      Object.entries(profile.deadlines).map(([kind, deadline]) => [kind, [deadline.amount, deadline.unit]]),
    );
    expect(numbers).toEqual({
      information_request: [10, 'working_days'],
      access_request: [10, 'working_days'],
      rectification: [7, 'working_days'],
      unblocking: [7, 'working_days'],
      blocking: [0, 'working_days'],
      destruction: [7, 'working_days'],
      stop_processing: [10, 'working_days'],
      objection_automated_decision: [30, 'calendar_days'],
      consent_withdrawal: [30, 'calendar_days'],
      breach_notification: [24, 'hours'],
      breach_investigation: [72, 'hours'],
      destruction_after_purpose: [30, 'calendar_days'],
    });
    expect(Object.values(profile.deadlines).some((deadline) => deadline.unconfirmed)).toBe(false);
  });

  it('allows one reasoned extension of 5 working days for information and access', () => {
    const extension = { amount: 5, unit: 'working_days', requires_reason: true };
    expect(profile.deadlines.information_request?.extension).toEqual(extension);
    expect(profile.deadlines.access_request?.extension).toEqual(extension);
    expect(profile.deadlines.stop_processing?.extension).toEqual(extension);
  });

  it('cites the articles of 152-FZ the numbers come from', () => {
    expect(profile.deadlines.objection_automated_decision?.rule).toMatch(/^152-ФЗ, ст\. 16 ч\. 4:/);
    expect(profile.deadlines.destruction?.rule).toMatch(/^152-ФЗ, ст\. 20 ч\. 3:/);
    expect(profile.deadlines.blocking?.rule).toMatch(/^152-ФЗ, ст\. 21 ч\. 1:/);
    expect(profile.deadlines.stop_processing?.rule).toMatch(/^152-ФЗ, ст\. 21 ч\. 5\.1:/);
    expect(profile.deadlines.breach_investigation?.rule).toMatch(/^152-ФЗ, ст\. 21 ч\. 3\.1 п\. 2:/);
  });

  it('requires storage in Russia and the consent items the schema can check', () => {
    expect(profile.localisation.required_countries).toEqual(['RU']);
    expect(profile.localisation.rule).toContain('ст. 18 ч. 5');
    expect(profile.consent_contents.required).toEqual([
      'operator_name',
      'subject_full_name',
      'data_list',
      'term',
    ]);
    expect(profile.destruction_act_retention_years).toBe(3);
  });
});

describe('a profile missing a deadline the product counts', () => {
  it('is refused at load, naming the deadline', () => {
    const raw = parse(readFileSync(fromPackageRoot('profiles', 'ru.yaml'), 'utf8'));
    delete raw.deadlines.objection_automated_decision;
    const parsed = jurisdictionProfile.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['deadlines', 'objection_automated_decision'],
        message: expect.stringContaining('deadlines.objection_automated_decision is missing'),
      }),
    ]);
  });

  it('every shipped profile states every such deadline', () => {
    for (const code of ['KZ', 'RU'] as const) {
      expect(Object.keys(loadProfile(code).deadlines)).toEqual(
        expect.arrayContaining([...requiredDeadlineKinds]),
      );
    }
  });
});

describe('profiles and calendars together', () => {
  it('calendar files cite official acts and publications as their sources, never an internal document', () => {
    for (const country of ['kz', 'ru']) {
      const dir = fromPackageRoot('calendars', country);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
        const data = parse(readFileSync(join(dir, file), 'utf8')) as {
          sources?: { title: string }[];
          basis?: string;
        };
        const cited = [...(data.sources ?? []).map((s) => s.title), data.basis ?? ''].join('\n');
        expect(cited, `${country}/${file}`).not.toMatch(/LAW\.md|дайджест|digest/i);
      }
    }
  });

  it('every profile calendar has data for the current years', () => {
    for (const code of ['KZ', 'RU'] as const) {
      const calendar = getCalendar(loadProfile(code).calendar);
      expect(calendar.yearInfo(2026).status).toBe('confirmed');
    }
  });
});
