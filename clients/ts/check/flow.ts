// A small script against the generated client: test/openapi-contract.test.ts type-checks it (tsc) and runs it
// against the real application. A route whose contract changes in a way this script does not expect fails there.
import type { AmanatClient, Schema } from '../src/index.js';

export interface FlowInput {
  email: string;
  /** A purpose with a contract basis and the field to collect under it. */
  contractPurpose: string;
  field: string;
  /** A purpose with a consent basis. */
  consentPurpose: string;
}

export async function flow(amanat: AmanatClient, input: FlowInput) {
  const created = await amanat.POST('/api/subjects', { body: { email: input.email } });
  if (!created.data) throw new Error(`createSubject: ${created.error?.error.message}`);
  const subjectId: string = created.data.id;

  const collected = await amanat.POST('/api/collect', {
    body: {
      subject: { email: input.email },
      purposes: [input.contractPurpose],
      values: { [input.field]: '+77015550011' },
      source: 'client-check',
      contract_ref: 'offer-2025-01',
    },
  });
  if (!collected.data) throw new Error(`collectData: ${collected.error?.error.message}`);
  const fields: string[] = collected.data.values.map((v) => v.field);

  const granted = await amanat.POST('/api/subjects/{subjectId}/consents', {
    params: { path: { subjectId } },
    body: {
      purpose: input.consentPurpose,
      channel: 'web',
      policy_version: '2025-01',
      subject_full_name: 'Сапарова Айгерим',
      third_party_transfer: false,
      cross_border_transfer: false,
      publication: false,
    },
  });
  if (!granted.data) throw new Error(`grantConsent: ${granted.error?.error.message}`);
  const status: 'active' | 'withdrawn' = granted.data.status;

  const requests = await amanat.GET('/api/requests', { params: { query: { open: 'true' } } });
  if (!requests.data) throw new Error(`listRequests: ${requests.error?.error.message}`);
  const open: Schema<'SubjectRequest'>[] = requests.data.requests;

  const refused = await amanat.GET('/api/subjects/{subjectId}/data', {
    params: { path: { subjectId }, query: { purpose: 'no-such-purpose' } },
  });
  const code: string | undefined = refused.error?.error.code;

  // @ts-expect-error: no such route in the contract
  await amanat.GET('/api/no-such-route');
  // @ts-expect-error: an e-mail is text
  await amanat.POST('/api/subjects', { body: { email: 42 } });

  return { subjectId, fields, status, open: open.map((r) => r.number), code };
}
