// The policy's bad inputs: a template naming a field the view does not have (file:line), template syntax
// that would print a register text unescaped or leave a section open, markup outside the allowed list,
// hostile register texts, and texts missing in the document's language.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, pdftotextAvailable } from '../../../test/support/pdf.js';
import { DomainError } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import type { Register } from '../register/register.schema.js';
import { defaultPolicyTemplates, renderPolicyHtml, renderPolicyPdf } from './policy.js';
import { buildPolicyView } from './policy.view.js';

const { register } = loadRegisterFile(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'));
const profile = loadProfile('KZ');

/** A folder holding the shipped templates, with ru.mustache replaced by `ru`. */
function templatesWith(ru: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'amanat-templates-'));
  for (const lang of ['kk', 'en'])
    copyFileSync(join(defaultPolicyTemplates, `${lang}.mustache`), join(dir, `${lang}.mustache`));
  writeFileSync(join(dir, 'ru.mustache'), ru);
  return dir;
}

function renderError(templatesDir: string): DomainError {
  try {
    renderPolicyHtml(register, profile, 'ru', { templatesDir });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

const shipped = readFileSync(join(defaultPolicyTemplates, 'ru.mustache'), 'utf8');

describe('policy templates are checked against the view before rendering', () => {
  it('an unknown field fails with the file, its line and column', () => {
    const lines = shipped.split('\n');
    const at = lines.findIndex((l) => l.includes('{{operator.name}}'));
    lines[at] = lines[at]!.replace('{{operator.name}}', '{{operator.nmae}}');
    const dir = templatesWith(lines.join('\n'));
    const error = renderError(dir);
    expect(error.code).toBe('template_invalid');
    const column = lines[at]!.indexOf('{{operator.nmae}}') + 1;
    expect(error.issues[0]).toEqual({
      path: `${join(dir, 'ru.mustache')}:${at + 1}:${column}`,
      message: 'unknown field «operator.nmae»',
    });
    expect(error.message).toContain(`ru.mustache:${at + 1}:${column}: unknown field «operator.nmae»`);
  });

  it('inside a section, names resolve against the list item first: an item field the view lacks fails', () => {
    const error = renderError(
      templatesWith(
        '<h1>T</h1>\n<table><tbody>\n{{#purposes}}<tr><td>{{number}}</td><td>{{titel}}</td></tr>{{/purposes}}\n</tbody></table>',
      ),
    );
    expect(error.issues.map((i) => [i.path.replace(/^.*ru\.mustache/, 'ru.mustache'), i.message])).toEqual([
      ['ru.mustache:3:41', 'unknown field «titel»'],
    ]);
  });

  it('every problem is listed, not only the first', () => {
    const error = renderError(templatesWith('<p>{{a}}</p>\n<p>{{operator.name}} {{b.c}}</p>'));
    expect(error.issues.map((i) => i.message)).toEqual(['unknown field «a»', 'unknown field «b.c»']);
    expect(error.message).toMatch(/ru\.mustache:1:4: unknown field «a» \(and 1 more\)$/);
  });

  it('unescaped output ({{{…}}}) and partials are refused: every register text goes out escaped', () => {
    const error = renderError(templatesWith('<p>{{{operator.name}}}</p>\n<p>{{> other}}</p>'));
    expect(error.issues.map((i) => i.message)).toEqual([
      'unescaped output of «operator.name» ({{{…}}} or {{&…}}) is not allowed: every register text is escaped',
      'partials ({{> other}}) are not supported',
    ]);
  });

  it('an unclosed section names its line', () => {
    const error = renderError(templatesWith('<h1>T</h1>\n{{#purposes}}\n<p>{{title}}</p>\n'));
    expect(error.message).toMatch(/ru\.mustache:\d+:\d+: Unclosed section "purposes"/);
  });

  it('a group used as a value is refused (it would print "[object Object]")', () => {
    const error = renderError(templatesWith('<p>{{operator}}</p>'));
    expect(error.issues[0]!.message).toBe('«operator» is a list or a group: use it as a section');
  });

  it('markup outside the allowed list fails, naming the template', () => {
    const error = renderError(templatesWith('<h1>T</h1>\n<p>ok</p>\n<img src="x">'));
    expect(error.code).toBe('template_invalid');
    expect(error.message).toMatch(/ru\.mustache \(rendered line 3\): <img> is not allowed in a document/);
  });
});

/** The example register with hostile texts where the operator and a purpose are named. */
function hostile(): Register {
  const copy: Register = structuredClone(register);
  copy.operator.name = { ...copy.operator.name, ru: '<script>alert("x")</script> ООО «Тест» & Co' };
  copy.purposes[0]!.title = { ...copy.purposes[0]!.title, ru: '<img src=x onerror=alert(1)>Цель' };
  copy.requests.privacy_email = 'a@b.kz';
  return copy;
}

describe('hostile register texts', () => {
  it('are escaped in the HTML: no tag from the register reaches the page', () => {
    const html = renderPolicyHtml(hostile(), profile, 'ru');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ООО «Тест» &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Цель');
  });

  it.skipIf(!pdftotextAvailable)('are printed as text in the PDF', async () => {
    const text = pdfText(await renderPolicyPdf(hostile(), profile, 'ru'));
    expect(text).toContain('<script>alert("x")</script> ООО «Тест» & Co');
  });
});

describe('texts missing in the document language', () => {
  it('are given in Russian and listed by their register path; Russian needs none', () => {
    const copy: Register = structuredClone(register);
    const field = copy.fields.find((f) => f.id === 'phone')!;
    field.labels = { ru: field.labels.ru };
    copy.purposes[0]!.legal_bases[0]!.translations = {};
    const view = buildPolicyView(copy, profile, 'kk');
    expect(view.missing_translations).toEqual([
      { path: 'purposes.authority_requests.legal_bases.0.translations.kk' },
      { path: 'fields.phone.labels' },
    ]);
    expect(view.purposes[1]!.data_list).toContain('Номер контактного телефона');
    const html = renderPolicyHtml(copy, profile, 'kk');
    expect(html).toContain('Тізілімде келесі мәтіндердің қазақ тіліндегі нұсқасы жоқ');
    expect(html).toContain('<li>fields.phone.labels</li>');
    expect(buildPolicyView(copy, profile, 'ru').missing_translations).toEqual([]);
    expect(renderPolicyHtml(copy, profile, 'en')).toContain('The register gives no English text');
  });
});

describe('the HTML page', () => {
  it.each(['ru', 'kk', 'en'] as const)(
    '%s: one self-contained page — no scripts, no external assets, phone viewport, print styles, contents',
    (lang) => {
      const html = renderPolicyHtml(register, profile, lang);
      expect(html).toMatch(/^<!doctype html>\n<html lang="(ru|kk|en)">/);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toContain("default-src 'none'");
      expect(html).toContain('@media print');
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(/i);
      // Every URL on the page is a link a reader follows, never something the browser loads by itself.
      for (const [attribute] of html.matchAll(/\s[a-z-]+="(?:https?:)[^"]*"/g))
        expect(attribute).toMatch(/^\shref=/);
      expect(html).toMatch(/<nav class="toc"[^>]*>.*<a href="#s1">/);
      expect(html).toContain('<table class="purposes">');
    },
  );
});
