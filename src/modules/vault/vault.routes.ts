import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  isoDate,
  keyOrSession,
  keyOrSessionCsrf,
  subjectIdParam,
} from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { legalBasisType } from '../register/register.schema.js';
import type { CollectInput, StoredValueMeta } from './vault.service.js';

const identitiesBody = z
  .object({
    email: z.string().max(320).optional(),
    phone: z.string().max(40).optional(),
    iin: z.string().max(20).optional(),
  })
  .strict()
  .openapi('SubjectIdentities', {
    description:
      'At least one identifier. Values are normalised and stored only as keyed hashes and ciphertext.',
    example: { email: 'aigerim@example.kz', phone: '+7 701 123 45 67' },
  });

const collectBody = z
  .object({
    purposes: z.array(z.string().min(1)).min(1),
    values: z.record(z.string(), z.unknown()),
    source: z.string().min(1).max(200),
    legal_basis: legalBasisType.optional(),
    contract_ref: z.string().min(1).max(200).optional(),
    /** For purposes whose retention depends on the subject matter: the option that applies, per purpose. */
    retention_options: z.record(z.string(), z.string().min(1)).optional(),
  })
  .strict();

const basisSchema = z
  .object({
    purpose: z.string(),
    type: z.string(),
    reference: z.string(),
    consentId: z.string().optional(),
    contractRef: z.string().optional(),
    retentionOption: z.string().optional(),
  })
  .openapi('ValueLegalBasis');

const storedValues = z
  .object({
    subjectId: z.uuid(),
    values: z.array(
      z.object({
        id: z.uuid(),
        field: z.string(),
        purposes: z.array(z.string()),
        legalBases: z.array(basisSchema),
        source: z.string(),
        collectedAt: isoDate,
        action: z.enum(['created', 'updated']),
      }),
    ),
  })
  .openapi('StoredValues', {
    example: {
      subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      values: [
        {
          id: '0b7d3a52-93f5-4c1e-9d2a-5a4e2f1c7b10',
          field: 'full_name',
          purposes: ['support'],
          legalBases: [
            { purpose: 'support', type: 'contract', reference: 'KZ Art. 7', contractRef: 'offer-2025-01' },
          ],
          source: 'website:support-form',
          collectedAt: '2026-03-20T09:30:00.000Z',
          action: 'created',
        },
      ],
    },
  });

const readValue = z
  .object({
    id: z.uuid(),
    field: z.string(),
    value: z.unknown().openapi({ description: 'The decrypted value, of the field’s type' }),
    purposes: z.array(z.string()),
    legalBases: z.array(basisSchema),
    source: z.string(),
    collectedAt: isoDate,
    updatedAt: isoDate,
  })
  .openapi('ReadValue');

const subjectAnswer = z
  .object({ id: z.uuid(), created: z.boolean(), identitiesAdded: z.array(z.string()) })
  .openapi('SubjectEnsured', {
    example: {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      created: true,
      identitiesAdded: ['email', 'phone'],
    },
  });

/** The service's collection input from a request body (snake case on the wire). */
function collectInput(body: z.infer<typeof collectBody>): CollectInput {
  return {
    purposes: body.purposes,
    values: body.values,
    source: body.source,
    legalBasis: body.legal_basis,
    contractRef: body.contract_ref,
    retentionOptions: body.retention_options,
  };
}

function presentStored(subjectId: string, stored: StoredValueMeta[]) {
  return { subjectId, values: stored.map((s) => ({ ...s, collectedAt: s.collectedAt.toISOString() })) };
}

// Each route's definition: a function of the auth options, because its middleware checks the scope with them.
const createSubjectRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'post',
    path: '/api/subjects',
    operationId: 'createSubject',
    security: keyOrSessionCsrf,
    tags: ['Subjects'],
    summary: 'Find or create a subject by its identifiers',
    middleware: [requireScope(auth, 'subjects:write')] as const,
    request: { body: { content: { 'application/json': { schema: identitiesBody } }, required: true } },
    responses: {
      200: {
        description: 'The subject already existed',
        content: { 'application/json': { schema: subjectAnswer } },
      },
      201: {
        description: 'A new subject was created',
        content: { 'application/json': { schema: subjectAnswer } },
      },
      ...errors(...authErrors, ...bodyErrors, 409),
    },
  });

const lookupSubjectRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'post',
    path: '/api/subjects/lookup',
    operationId: 'lookupSubject',
    security: keyOrSessionCsrf,
    tags: ['Subjects'],
    summary: 'Find a subject by one identifier (in the body, so it never appears in URLs or logs)',
    middleware: [requireScope(auth, 'subjects:read')] as const,
    request: {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({ kind: z.enum(['email', 'phone', 'iin']), value: z.string().min(1).max(320) })
              .strict(),
            example: { kind: 'email', value: 'aigerim@example.kz' },
          },
        },
        required: true,
      },
    },
    responses: {
      200: {
        description: 'Found',
        content: {
          'application/json': {
            schema: z.object({ id: z.uuid() }),
            example: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
          },
        },
      },
      ...errors(...authErrors, ...bodyErrors, 404),
    },
  });

const getSubjectRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'get',
    path: '/api/subjects/{subjectId}',
    operationId: 'getSubject',
    security: keyOrSession,
    tags: ['Subjects'],
    summary: 'A subject: status and which kinds of identifiers it has (no values)',
    middleware: [requireScope(auth, 'subjects:read')] as const,
    request: { params: subjectIdParam },
    responses: {
      200: {
        description: 'The subject',
        content: {
          'application/json': {
            schema: z.object({
              id: z.uuid(),
              status: z.string(),
              createdAt: isoDate,
              identities: z.array(z.object({ kind: z.string(), createdAt: isoDate })),
            }),
          },
        },
      },
      ...errors(...authErrors, 404, 422),
    },
  });

const collectSubjectDataRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'post',
    path: '/api/subjects/{subjectId}/data',
    operationId: 'collectSubjectData',
    security: keyOrSessionCsrf,
    tags: ['Data'],
    summary: 'Collect personal data for one or more purposes',
    description:
      'Every field must be listed by every named purpose (data minimisation); biometric data is refused; a ' +
      'consent basis needs a live consent, a contract basis needs contract_ref. Values are encrypted under ' +
      "the subject's key; the response echoes no values.",
    middleware: [requireScope(auth, 'data:write')] as const,
    request: {
      params: subjectIdParam,
      body: {
        content: {
          'application/json': {
            schema: collectBody.openapi('CollectData', {
              example: {
                purposes: ['support'],
                values: { full_name: 'Айгерим Сапарова', phone: '+77011234567' },
                source: 'website:support-form',
                contract_ref: 'offer-2025-01',
              },
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: storedValues } } },
      ...errors(...authErrors, ...bodyErrors, 404, 409),
    },
  });

const collectDataRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'post',
    path: '/api/collect',
    operationId: 'collectData',
    security: keyOrSessionCsrf,
    tags: ['Data'],
    summary: 'Find or create the subject by its identifiers and collect data, in one call',
    middleware: [requireScope(auth, 'data:write')] as const,
    request: {
      body: {
        content: {
          'application/json': {
            schema: collectBody
              .extend({ subject: identitiesBody })
              .strict()
              .openapi('CollectForIdentity', {
                example: {
                  subject: { email: 'aigerim@example.kz' },
                  purposes: ['support'],
                  values: { full_name: 'Айгерим Сапарова' },
                  source: 'website:support-form',
                  contract_ref: 'offer-2025-01',
                },
              }),
          },
        },
        required: true,
      },
    },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: storedValues } } },
      ...errors(...authErrors, ...bodyErrors, 409),
    },
  });

const readSubjectDataRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'get',
    path: '/api/subjects/{subjectId}/data',
    operationId: 'readSubjectData',
    security: keyOrSession,
    tags: ['Data'],
    summary: 'Read the values held for one purpose (decrypted; the read is written to the audit log)',
    middleware: [requireScope(auth, 'data:read')] as const,
    request: {
      params: subjectIdParam,
      query: z.object({
        purpose: z.string().min(1).openapi({ description: 'The purpose the data is read for' }),
      }),
    },
    responses: {
      200: {
        description: 'Values held for the purpose',
        content: {
          'application/json': {
            schema: z.object({ subjectId: z.uuid(), purpose: z.string(), values: z.array(readValue) }),
          },
        },
      },
      ...errors(...authErrors, 404, 422),
    },
  });

const getSubjectRecordRoute = (auth: AuthOptions) =>
  createRoute({
    method: 'get',
    path: '/api/subjects/{subjectId}/record',
    operationId: 'getSubjectRecord',
    security: keyOrSession,
    tags: ['Vault'],
    summary: 'The subject’s whole record (every purpose the caller may read), for a stated reason',
    description: 'The reason (10+ characters) is kept in the audit log with the purposes and fields read.',
    middleware: [requireScope(auth, 'data:export')] as const,
    request: {
      params: subjectIdParam,
      query: z.object({ reason: z.string().min(1).max(1000) }),
    },
    responses: {
      200: {
        description: 'Values by purpose',
        content: {
          'application/json': {
            schema: z.object({ subjectId: z.uuid(), values: z.array(readValue) }),
          },
        },
      },
      ...errors(...authErrors, 404, 422),
    },
  });

/** Subjects: found or created by their identifiers, looked up, described. */
function mountSubjectRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(createSubjectRoute(auth), async (c) => {
    const result = await amanat.vault.ensureSubject(c.get('principal').actor, c.req.valid('json'));
    const body = { id: result.subjectId, created: result.created, identitiesAdded: result.identitiesAdded };
    return result.created ? c.json(body, 201) : c.json(body, 200);
  });
  app.openapi(lookupSubjectRoute(auth), async (c) => {
    const { kind, value } = c.req.valid('json');
    const id = await amanat.vault.lookup(c.get('principal').actor, kind, value);
    if (!id)
      throw new DomainError(ErrorCodes.NOT_FOUND, 'Субъект не найден / No subject with this identifier');
    return c.json({ id }, 200);
  });
  app.openapi(getSubjectRoute(auth), async (c) => {
    const s = await amanat.vault.getSubject(c.get('principal').actor, c.req.valid('param').subjectId);
    return c.json(
      {
        id: s.id,
        status: s.status,
        createdAt: s.createdAt.toISOString(),
        identities: s.identities.map((i) => ({ kind: i.kind, createdAt: i.createdAt.toISOString() })),
      },
      200,
    );
  });
}

/** Collection: by the subject's id, or by its identifiers in one call. */
function mountCollectionRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(collectSubjectDataRoute(auth), async (c) => {
    const { subjectId } = c.req.valid('param');
    const body = c.req.valid('json');
    await amanat.access.requirePurposes(c.get('principal'), body.purposes, subjectId);
    const stored = await amanat.vault.collect(c.get('principal').actor, subjectId, collectInput(body));
    return c.json(presentStored(subjectId, stored), 201);
  });
  app.openapi(collectDataRoute(auth), async (c) => {
    const { subject, ...body } = c.req.valid('json');
    await amanat.access.requirePurposes(c.get('principal'), body.purposes);
    const result = await amanat.vault.collectForIdentity(
      c.get('principal').actor,
      subject,
      collectInput(body),
    );
    return c.json(presentStored(result.subjectId, result.values), 201);
  });
}

/** Reads: the values for one purpose, the whole record for a reason. */
function mountReadRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(readSubjectDataRoute(auth), async (c) => {
    const { subjectId } = c.req.valid('param');
    const { purpose } = c.req.valid('query');
    const principal = c.get('principal');
    await amanat.access.requirePurposes(principal, [purpose], subjectId);
    const values = await amanat.vault.readForPurpose(
      principal.actor,
      subjectId,
      purpose,
      amanat.access.visibleFields(principal, purpose),
    );
    return c.json(
      {
        subjectId,
        purpose,
        values: values.map((v) => ({
          ...v,
          collectedAt: v.collectedAt.toISOString(),
          updatedAt: v.updatedAt.toISOString(),
        })),
      },
      200,
    );
  });
  app.openapi(getSubjectRecordRoute(auth), async (c) => {
    const { subjectId } = c.req.valid('param');
    const principal = c.get('principal');
    const purposeIds =
      principal.purposes === 'all' ? amanat.rules.purposes().map((p) => p.id) : [...principal.purposes];
    const values = await amanat.vault.readRecord(
      principal.actor,
      subjectId,
      purposeIds,
      c.req.valid('query').reason,
      (purposeId) => amanat.access.visibleFields(principal, purposeId),
    );
    return c.json({ subjectId, values }, 200);
  });
}

// Registered in this order, which is the order of the OpenAPI document.
export function mountVaultRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  mountSubjectRoutes(app, amanat, auth);
  mountCollectionRoutes(app, amanat, auth);
  mountReadRoutes(app, amanat, auth);
}
