// The register's cookies section: what the schema and the semantic checks refuse, each with a clear message
// that names the place (file:line:column) and what was expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isDomainError } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import { parseRegister } from './register.loader.js';

const exampleText = readFileSync(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: the register as plain YAML data, broken on purpose
type Doc = any;

/** The example register with one change, loaded; the error issues it is refused with (none: accepted). */
function issuesWith(change: (doc: Doc) => void): { path: string; message: string; rule?: string }[] {
  const doc = parse(exampleText);
  change(doc);
  try {
    parseRegister(stringify(doc), 'reg.yaml');
    return [];
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.issues;
  }
}

const analytics = (doc: Doc) => doc.cookies.categories[1];

describe('register: cookies', () => {
  it('accepts the example’s three categories', () => {
    expect(issuesWith(() => {})).toEqual([]);
  });

  it('refuses a purpose the register does not define', () => {
    const issues = issuesWith((d) => analytics(d).purposes.push('ads'));
    expect(issues.map((i) => [i.rule, i.message])).toContainEqual([
      'cookie-purposes',
      expect.stringContaining("cookie category 'analytics' refers to unknown purpose 'ads'"),
    ]);
  });

  it('refuses a duplicate category id, pointing back at the first', () => {
    const issues = issuesWith((d) => {
      d.cookies.categories[2].id = 'analytics';
    });
    expect(issues.map((i) => i.message)).toContainEqual(
      expect.stringMatching(
        /^duplicate cookie category id 'analytics': already used by cookie category #2 at \d+:\d+$/,
      ),
    );
  });

  it('refuses a cookie listed twice, in any category', () => {
    const issues = issuesWith((d) => {
      d.cookies.categories[2].cookies.push({ ...analytics(d).cookies[0] });
    });
    expect(issues.map((i) => [i.rule, i.message])).toContainEqual([
      'cookie-names',
      "duplicate cookie name '_ga': already listed in cookie category 'analytics'",
    ]);
  });

  it('refuses a pattern that is not a JavaScript regular expression', () => {
    const issues = issuesWith((d) => {
      analytics(d).cookies[1].pattern = '^_ga_(.+$';
    });
    expect(issues.map((i) => [i.rule, i.message])).toContainEqual([
      'cookie-names',
      expect.stringContaining("cookie pattern '^_ga_(.+$' is not a valid JavaScript regular expression"),
    ]);
  });

  it('refuses a cookie with both a name and a pattern, or with neither', () => {
    const both = issuesWith((d) => {
      analytics(d).cookies[0].pattern = '^_ga$';
    });
    const neither = issuesWith((d) => {
      delete analytics(d).cookies[0].name;
    });
    for (const issues of [both, neither]) {
      expect(issues.map((i) => i.message)).toContainEqual(
        expect.stringContaining('a cookie needs exactly one of name (the exact cookie name) or pattern'),
      );
    }
  });

  it('refuses an unknown Consent Mode signal, listing the known ones', () => {
    const issues = issuesWith((d) => analytics(d).consent_mode.push('analytics'));
    const message = issues.map((i) => i.message).join('\n');
    expect(message).toContain('analytics_storage');
    expect(message).toContain('ad_user_data');
    expect(issues[0]!.path).toMatch(/^reg\.yaml:\d+:\d+$/);
  });

  it('refuses a category id that is not an identifier of at most 32 characters, and a bad lifetime', () => {
    expect(issuesWith((d) => (analytics(d).id = 'Analytics')).length).toBeGreaterThan(0);
    expect(issuesWith((d) => (analytics(d).id = `a${'b'.repeat(32)}`)).length).toBeGreaterThan(0);
    expect(issuesWith((d) => (analytics(d).cookies[0].lifetime = { weeks: 2 })).length).toBeGreaterThan(0);
    expect(issuesWith((d) => (analytics(d).cookies[0].lifetime = 'forever')).length).toBeGreaterThan(0);
  });
});
