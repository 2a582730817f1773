// The operator's internal papers over HTTP: the list, and one paper as DOCX (to put on letterhead, edit and
// sign in Word) or PDF. The access list names staff, so its paper also needs the staff:manage permission.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSession } from '../../http/openapi-common.js';
import { paperIds, paperLangs } from './papers.content.js';
import { DOCX_MEDIA_TYPE } from './papers.docx.js';
import { paperFormats } from './papers.service.js';

const paperSchema = z
  .object({
    id: z.enum(paperIds),
    title: z.object({ ru: z.string(), kk: z.string() }),
    formats: z.array(z.enum(paperFormats)),
    langs: z.array(z.enum(paperLangs)),
    replacedTemplates: z.array(z.enum(paperLangs)).openapi({
      description:
        "Languages whose DOCX template is the operator's own (AMANAT_TEMPLATES_DIR), not the shipped one",
    }),
  })
  .openapi('Paper');

const binary = z.string().openapi({ format: 'binary' });

/** The access list's paper names staff: it needs staff:manage beside register:read. */
function accessListScope(auth: AuthOptions): MiddlewareHandler<AppEnv> {
  const staffManage = requireScope(auth, 'staff:manage');
  return (c, next) => (c.req.param('paper') === 'access-list' ? staffManage(c, next) : next());
}

export function mountPaperRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/papers',
      operationId: 'listPapers',
      security: keyOrSession,
      tags: ['Papers'],
      summary: "The operator's internal papers: order, regulation, data list, access list",
      middleware: [requireScope(auth, 'register:read')] as const,
      responses: {
        200: {
          description: 'The papers, with their formats and languages',
          content: {
            'application/json': {
              schema: z.object({ papers: z.array(paperSchema) }),
              example: {
                papers: [
                  {
                    id: 'order',
                    title: {
                      ru: 'Приказ о назначении ответственного за организацию обработки персональных данных',
                      kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаны тағайындау туралы бұйрық',
                    },
                    formats: ['docx', 'pdf'],
                    langs: ['ru', 'kk'],
                    replacedTemplates: [],
                  },
                ],
              },
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    (c) => c.json({ papers: amanat.papers.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/papers/{paper}',
      operationId: 'getPaper',
      security: keyOrSession,
      tags: ['Papers'],
      summary: 'One paper from the register as DOCX or PDF; blanks mark what the register does not hold',
      description:
        "DOCX is filled from the operator's template when AMANAT_TEMPLATES_DIR has papers/<paper>.<lang>.docx, " +
        'else from the shipped one; a broken template answers 422 template_invalid naming the file. ' +
        'The access-list paper needs staff:manage and an approved access list (404 otherwise).',
      middleware: [requireScope(auth, 'register:read'), accessListScope(auth)] as const,
      request: {
        params: z.object({
          paper: z.enum(paperIds).openapi({ param: { name: 'paper', in: 'path' }, example: 'order' }),
        }),
        query: z.object({
          format: z.enum(paperFormats).default('docx').openapi({ example: 'docx' }),
          lang: z.enum(paperLangs).default('ru').openapi({ example: 'ru' }),
        }),
      },
      responses: {
        200: {
          description: 'The paper (Content-Disposition: attachment; filename="<paper>.<lang>.<format>")',
          content: { [DOCX_MEDIA_TYPE]: { schema: binary }, 'application/pdf': { schema: binary } },
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const { paper } = c.req.valid('param');
      const { format, lang } = c.req.valid('query');
      const file = await amanat.papers.make(paper, format, lang);
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    },
  );
}
