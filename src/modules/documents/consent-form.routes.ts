// The published consent forms, for anyone: a form is a public text the subject reads before agreeing (the
// website's widget shows it, a subject or an inspector checks the hash a consent recorded), it holds no
// personal data, and a published version never changes. No credentials and no rate limit: the forms are
// served from memory, and a shared limit per address would refuse a busy site's visitors.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import type { AppEnv } from '../../http/auth.js';
import { errors, noAuth } from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { Lang } from '../register/register.retention.js';
import type { ConsentForm, ConsentFormSource } from './consent-form.js';

const exampleHash = 'd5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3';

const formsQuery = z.object({
  version: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'A published policy version; the newest by default', example: '2025-01' }),
  lang: z.enum(['ru', 'kk', 'en']).default('ru').openapi({ description: 'Language of the forms' }),
});

const formSummary = z
  .object({
    formId: z.string().openapi({ description: "The purpose id, or 'publication' for the publication form" }),
    purposeId: z.string().nullable(),
    kind: z.enum(['purpose', 'publication']),
    lang: z.enum(['ru', 'kk', 'en']),
    sha256: z.string().openapi({ description: 'SHA-256 of the UTF-8 plain text, hex' }),
  })
  .openapi('ConsentFormSummary');

const formList = z
  .object({ version: z.string(), lang: z.enum(['ru', 'kk', 'en']), forms: z.array(formSummary) })
  .openapi('ConsentFormList', {
    example: {
      version: '2025-01',
      lang: 'ru',
      forms: [{ formId: 'mailing', purposeId: 'mailing', kind: 'purpose', lang: 'ru', sha256: exampleHash }],
    },
  });

/** The forms of the asked (or newest) version; a version never published is a 404 naming the known ones. */
async function formsOf(source: ConsentFormSource, version: string | undefined, lang: Lang) {
  const versions = await source.versions();
  const asked = version ?? versions[versions.length - 1];
  const forms = asked === undefined ? null : await source.forms(asked, lang);
  if (!forms || asked === undefined) {
    throw new DomainError(
      ErrorCodes.NOT_FOUND,
      `Редакция политики «${version ?? '—'}» не опубликована; опубликованные: ${versions.join(', ') || '—'}. ` +
        'No such published policy version.',
      { issues: [{ path: 'version', message: `expected one of: ${versions.join(', ') || '—'}` }] },
    );
  }
  return { version: asked, forms };
}

function findForm(forms: ConsentForm[], formId: string, version: string): ConsentForm {
  const form = forms.find((f) => f.formId === formId);
  if (!form) {
    const known = forms.map((f) => f.formId).join(', ');
    throw new DomainError(
      ErrorCodes.NOT_FOUND,
      `Формы согласия «${formId}» нет в редакции «${version}»; формы: ${known}. No such consent form.`,
      { issues: [{ path: 'formId', message: `expected one of: ${known}` }] },
    );
  }
  return form;
}

export function mountConsentFormRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/consent-forms',
      operationId: 'listConsentForms',
      security: noAuth,
      tags: ['Public'],
      summary:
        "The published consent forms of a policy version, each with its text's SHA-256 (no credentials)",
      request: { query: formsQuery },
      responses: {
        200: { description: 'Forms', content: { 'application/json': { schema: formList } } },
        ...errors(404, 422),
      },
    }),
    async (c) => {
      const { lang, version } = c.req.valid('query');
      const found = await formsOf(amanat.consentForms, version, lang);
      const forms = found.forms.map(({ formId, purposeId, kind, sha256 }) => ({
        formId,
        purposeId,
        kind,
        lang,
        sha256,
      }));
      return c.json({ version: found.version, lang, forms }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/consent-forms/{formId}',
      operationId: 'getConsentForm',
      security: noAuth,
      tags: ['Public'],
      summary: 'One consent form as plain text (what a grant records and hashes) or as an HTML page',
      request: {
        params: z.object({
          formId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'formId', in: 'path' }, example: 'mailing' }),
        }),
        query: formsQuery.extend({
          format: z.enum(['text', 'html']).default('text').openapi({ description: 'text (default) or html' }),
        }),
      },
      responses: {
        200: {
          description: 'The form; the header x-consent-form-sha256 carries the SHA-256 of its plain text',
          headers: z.object({
            'x-consent-form-sha256': z.string().openapi({ example: exampleHash }),
            'x-policy-version': z.string().openapi({ example: '2025-01' }),
          }),
          content: {
            'text/plain': {
              schema: z.string().openapi({ example: 'Согласие на обработку персональных данных…' }),
            },
            'text/html': { schema: z.string().openapi({ example: '<!doctype html>…' }) },
          },
        },
        ...errors(404, 422),
      },
    }),
    async (c) => {
      const { lang, version, format } = c.req.valid('query');
      const found = await formsOf(amanat.consentForms, version, lang);
      const form = findForm(found.forms, c.req.valid('param').formId, found.version);
      const headers = { 'x-consent-form-sha256': form.sha256, 'x-policy-version': found.version };
      if (format === 'html') {
        return c.body(form.html, 200, {
          ...headers,
          // The Content-Security-Policy naming its inline styles is added to every HTML page (http/security-headers.ts).
          'content-type': 'text/html; charset=utf-8',
        });
      }
      return c.body(form.text, 200, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    },
  );
}
