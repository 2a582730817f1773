// The consent forms as a subject reads them: everything KZ Art. 8 asks a consent to name, per purpose and in the
// separate publication form, in Russian and Kazakh; stable hashes; missing translations named; a broken template
// refused with file:line.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import type { Register } from '../register/register.schema.js';
import { defaultConsentFormTemplates, renderConsentForms } from './consent-form.js';
import { retentionItems } from './policy.cells.js';

const { register } = loadRegisterFile(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'));
const profile = loadProfile('KZ');
const consentBased = register.purposes.filter((p) => p.legal_bases.some((b) => b.type === 'consent'));

describe('consent forms from the register', () => {
  const ru = renderConsentForms(register, profile, 'ru');

  it('one form per consent-based purpose, then the publication form', () => {
    expect(ru.map((f) => f.formId)).toEqual([...consentBased.map((p) => p.id), 'publication']);
    expect(ru.at(-1)).toMatchObject({ kind: 'publication', purposeId: register.publication!.purpose });
    expect(consentBased.length).toBeGreaterThan(0);
  });

  it.each(consentBased.map((p) => [p.id, p] as const))(
    'the form of %s names everything KZ Art. 8 asks (ru)',
    (id, purpose) => {
      const form = ru.find((f) => f.formId === id)!;
      const { text } = form;
      expect(text).toContain(register.operator.name.ru);
      expect(text).toContain(register.operator.bin_iin);
      expect(text).toContain(register.operator.address.ru);
      expect(text).toContain('статьями 7 и 8 Закона');
      expect(text).toContain(purpose.title.ru.replace(/\s+/g, ' '));
      for (const field of purpose.fields) {
        expect(text).toContain(register.fields.find((f) => f.id === field)!.labels.ru);
      }
      for (const item of retentionItems(purpose.retention, 'ru')) {
        expect(text.toLowerCase()).toContain(item.toLowerCase());
      }
      // Third parties: the disclosure grounds, the register's recipients of a transfer.
      for (const ground of register.disclosure_grounds)
        expect(text).toContain(ground.text.ru.replace(/\s+/g, ' '));
      expect(text).toContain('Трансграничная передача: не осуществляется.');
      expect(text).toContain(register.cross_border.rule.ru);
      expect(text).toContain('Распространение в общедоступных источниках');
      expect(text).toContain(register.requests.privacy_email!);
      expect(text).toContain(register.requests.postal_address!.ru);
      expect(text).toContain('«Отзыв согласия на обработку персональных данных»');
      expect(text).toContain('10 рабочих дней');
      expect(form.html).toContain(register.operator.bin_iin);
      expect(form.html).toContain('<h1>Согласие на обработку персональных данных</h1>');
    },
  );

  it('the publication form lists each permitted field with its restriction', () => {
    const { text } = ru.find((f) => f.formId === 'publication')!;
    for (const f of register.publication!.fields) {
      const label = register.fields.find((x) => x.id === f.field)!.labels.ru;
      expect(text).toContain(`${label} — условия и запреты: Не установлено`);
    }
    expect(text).toContain('статьёй 8 Закона');
    expect(text).toContain(register.operator.bin_iin);
    for (const channel of register.publication!.channels) expect(text).toContain(channel.ru);
    // A restriction the register sets is printed beside its field.
    const restricted: Register = structuredClone(register);
    restricted.publication!.fields[2]!.restrictions = [
      { ru: 'только на Сайте', kk: 'тек Сайтта', en: 'only on the Website' },
    ];
    const photo = renderConsentForms(restricted, profile, 'ru').find((f) => f.formId === 'publication')!;
    expect(photo.text).toContain('Фотоизображение — условия и запреты: только на Сайте');
  });

  it('text is hashed as UTF-8 and rendering is deterministic', () => {
    for (const form of ru) {
      expect(form.sha256).toBe(createHash('sha256').update(Buffer.from(form.text, 'utf8')).digest('hex'));
      expect(form.lang).toBe('ru');
    }
    expect(renderConsentForms(register, profile, 'ru')).toEqual(ru);
  });

  it('the Kazakh forms are in Kazakh, with their own hashes', () => {
    const kk = renderConsentForms(register, profile, 'kk');
    const mailing = kk.find((f) => f.formId === 'mailing')!;
    expect(mailing.text).toMatch(/[әғқңөұүһі]/);
    expect(mailing.text).toContain('Дербес деректерді өңдеуге келісім');
    expect(mailing.text).toContain(register.operator.name.kk!);
    expect(mailing.sha256).not.toBe(ru.find((f) => f.formId === 'mailing')!.sha256);
    expect(mailing.text).not.toContain('Тізілімде келесі мәтіндердің');
  });

  it('a text the register lacks in the language is given in Russian and named', () => {
    const partial: Register = structuredClone(register);
    delete partial.fields.find((f) => f.id === 'phone')!.labels.kk;
    const mailing = renderConsentForms(partial, profile, 'kk').find((f) => f.formId === 'mailing')!;
    expect(mailing.text).toContain('Тізілімде келесі мәтіндердің қазақ тіліндегі нұсқасы жоқ');
    expect(mailing.text).toContain('fields.phone.labels');
    expect(mailing.text).toContain('Номер контактного телефона');
  });

  it('a template naming an unknown field is refused with file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amanat-forms-'));
    for (const lang of ['kk', 'en'])
      copyFileSync(join(defaultConsentFormTemplates, `${lang}.mustache`), join(dir, `${lang}.mustache`));
    writeFileSync(join(dir, 'ru.mustache'), '<h1>Согласие</h1>\n<p>{{operator.nmae}}</p>\n');
    expect(() => renderConsentForms(register, profile, 'ru', { templatesDir: dir })).toThrow(
      /ru\.mustache:2:4: unknown field «operator\.nmae»/,
    );
  });
});
