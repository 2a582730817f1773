import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadRegisterFile } from './register.loader.js';
import type { Purpose, Register } from './register.schema.js';
import { type RegisterFinding, validateRegisterSemantics } from './register.validate.js';

const minimal = loadRegisterFile(
  fromPackageRoot('test', 'fixtures', 'registers', 'valid-minimal.yaml'),
).register;

/** A deep copy of the minimal register, changed by `change`, so each test breaks one thing. */
function registerWith(change: (r: Register) => void): Register {
  const copy = structuredClone(minimal);
  change(copy);
  return copy;
}

const mailing = (r: Register) => r.purposes[0]!;

function extraPurpose(overrides: Partial<Purpose>): Purpose {
  return { ...structuredClone(minimal.purposes[0]!), id: 'other', number: 2, ...overrides };
}

const byRule = (findings: RegisterFinding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('register semantics', () => {
  it('finds nothing wrong in the minimal register', () => {
    expect(validateRegisterSemantics(minimal)).toEqual([]);
  });

  it('refuses duplicate ids and purpose numbers, pointing back at the first one', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        r.fields.push({ ...r.fields[0]! });
        r.purposes.push(extraPurpose({ number: 1 }));
        r.purposes.push(extraPurpose({ number: 3 }));
      }),
      { locate: (at) => `<${at.join('.')}>` },
    );
    expect(byRule(findings, 'unique-ids').map((f) => [f.at.join('.'), f.message])).toEqual([
      ['fields.2.id', "duplicate field id 'email': already used by field #1 at <fields.0.id>"],
      ['purposes.2.id', "duplicate purpose id 'other': already used by purpose #2 at <purposes.1.id>"],
      [
        'purposes.1.number',
        "duplicate purpose number 1: already used by purpose 'mailing' at <purposes.0.number>",
      ],
    ]);
  });

  it('refuses references to undefined subject categories and information systems', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).subject_categories.push('visitor');
        mailing(r).information_systems = ['crm'];
      }),
    );
    expect(findings.map((f) => [f.at.join('.'), f.message])).toEqual([
      [
        'purposes.0.subject_categories.1',
        "purpose 'mailing' (№1) refers to unknown subject category 'visitor' — defined: site_user",
      ],
      [
        'purposes.0.information_systems.0',
        "purpose 'mailing' (№1) refers to unknown information system 'crm' — defined: website",
      ],
      ['information_systems.0.id', "information system 'website' is defined but no purpose uses it"],
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
  });

  it('checks the publication section against its purpose', () => {
    const noPurpose = validateRegisterSemantics(
      registerWith((r) => {
        r.publication = {
          purpose: 'reviews',
          goals: [],
          channels: [],
          fields: [{ field: 'email', restrictions: [] }],
        };
      }),
    );
    expect(noPurpose.map((f) => f.message)).toEqual([
      "publication refers to unknown purpose 'reviews' — defined: mailing",
    ]);

    const wrongBasis = validateRegisterSemantics(
      registerWith((r) => {
        r.fields.push({
          id: 'photo',
          labels: { ru: 'Фото' },
          type: 'image',
          sensitivity: [],
          category: 'general',
        });
        r.publication = {
          purpose: 'mailing',
          goals: [],
          channels: [],
          fields: [
            { field: 'email', restrictions: [] },
            { field: 'photo', restrictions: [] },
            { field: 'email', restrictions: [] },
            { field: 'signature', restrictions: [] },
          ],
        };
      }),
    ).filter((f) => f.severity === 'error');
    expect(wrongBasis.map((f) => [f.at.join('.'), f.message])).toEqual([
      [
        'publication.purpose',
        "publication purpose 'mailing' (№1) has no publication_consent legal basis (it has consent): data permitted for publication needs the subject's separate consent",
      ],
      [
        'publication.fields.1.field',
        "publication field 'photo' is not among the fields of purpose 'mailing' (№1) (email, full_name)",
      ],
      ['publication.fields.2.field', "field 'email' is listed twice for publication"],
      [
        'publication.fields.3.field',
        "publication refers to unknown field 'signature' — fields of purpose 'mailing' (№1): email, full_name",
      ],
    ]);
  });

  it('refuses cookie categories and additional processing that name unknown purposes', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        r.cookies = {
          notice: { ru: 'Cookie' },
          categories: [
            {
              id: 'analytics',
              name: { ru: 'Аналитика' },
              description: { ru: 'Статистика посещений' },
              required: false,
              purposes: ['ux_analytics'],
              gpc: false,
              consent_mode: [],
              vendors: [],
              cookies: [],
            },
          ],
        };
        r.additional_processing = [{ id: 'reserve', text: { ru: 'Кадровый резерв' }, purposes: ['hiring'] }];
      }),
    );
    expect(findings.map((f) => [f.rule, f.at.join('.'), f.message])).toEqual([
      [
        'cookie-purposes',
        'cookies.categories.0.purposes.0',
        "cookie category 'analytics' refers to unknown purpose 'ux_analytics' — defined: mailing",
      ],
      [
        'known-references',
        'additional_processing.0.purposes.0',
        "additional processing 'reserve' refers to unknown purpose 'hiring' — defined: mailing",
      ],
    ]);
  });

  it('checks the operator IIN/BIN beyond its checksum, and the time zone', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        // A valid checksum, but month 13 is neither a birth month (IIN) nor a registration month (BIN).
        r.operator.bin_iin = '941303351347';
        r.operator.timezone = 'Almaty';
      }),
    );
    expect(findings.map((f) => f.rule)).toEqual(['operator-bin-iin', 'operator-timezone']);
    expect(findings[0]!.message).toContain('valid checksum but is neither an IIN');
    expect(findings[1]!.message).toBe(
      "unknown time zone 'Almaty': expected an IANA name such as Asia/Almaty",
    );
  });

  it('warns when a consent-based purpose can last until liquidation', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).retention = {
          kind: 'depends_on',
          criterion: { ru: 'канала' },
          options: [
            { id: 'email', label: { ru: 'почта' }, rule: { kind: 'until_consent_withdrawal' } },
            { id: 'paper', label: { ru: 'бумага' }, rule: { kind: 'until_liquidation' } },
          ],
        };
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'consent-retention-ends',
        at: ['purposes', 0, 'retention'],
      }),
    ]);
    // first_of ends as soon as any branch does: withdrawal comes before liquidation.
    const ends = registerWith((r) => {
      mailing(r).retention = {
        kind: 'first_of',
        rules: [{ kind: 'until_liquidation' }, { kind: 'until_consent_withdrawal' }],
      };
    });
    expect(validateRegisterSemantics(ends)).toEqual([]);
  });

  it('warns (not fails) when a purpose without a consent basis ends on withdrawal, saying why it is only a warning', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).legal_bases = [{ type: 'contract', reference: 'Договор' }];
        mailing(r).retention = {
          kind: 'first_of',
          rules: [{ kind: 'contract_period' }, { kind: 'until_consent_withdrawal' }],
        };
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      rule: 'withdrawal-needs-consent',
      at: ['purposes', 0, 'retention', 'rules', 1],
    });
    expect(findings[0]!.message).toContain('none of its legal bases is a consent (contract)');
    expect(findings[0]!.message).toContain('A warning, not an error');
    expect(findings[0]!.message).toContain('purpose 5');
  });

  it('refuses a retention that can never end: only a withdrawal, and no consent collected', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).legal_bases = [{ type: 'contract', reference: 'Договор' }];
        mailing(r).retention = { kind: 'until_consent_withdrawal' };
      }),
    );
    const error = findings.find((f) => f.rule === 'retention-can-end');
    expect(error).toMatchObject({ severity: 'error', at: ['purposes', 0, 'retention'] });
    expect(error!.message).toContain('can never end');
  });

  it('accepts a contract basis whose retention has no contract_period rule', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).legal_bases = [{ type: 'contract', reference: 'Договор' }];
        mailing(r).retention = { kind: 'after_collection', duration: { years: 1 } };
      }),
    );
    expect(findings).toEqual([]);
  });

  it('accepts withdrawal under a publication consent', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).legal_bases = [{ type: 'publication_consent', reference: 'Согласие на распространение' }];
      }),
    );
    expect(findings).toEqual([]);
  });

  it('refuses duplicate option ids inside a depends_on rule', () => {
    const findings = validateRegisterSemantics(
      registerWith((r) => {
        mailing(r).retention = {
          kind: 'depends_on',
          criterion: { ru: 'вида' },
          options: [
            { id: 'short', label: { ru: 'А' }, rule: { kind: 'until_consent_withdrawal' } },
            { id: 'short', label: { ru: 'Б' }, rule: { kind: 'until_purpose_achieved' } },
          ],
        };
      }),
    );
    expect(findings.map((f) => f.at.join('.'))).toEqual(['purposes.0.retention.options.1.id']);
  });
});
