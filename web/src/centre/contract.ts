// What the privacy centre asks the server, typed by the schema generated from the OpenAPI document.
// Plain fetch, not openapi-fetch: the centre's first load is kept small.
import type { components } from '../../../clients/ts/src/index.js';
import { ApiFailure } from '../shared/api.js';

export type RequestType = Exclude<components['schemas']['PublicSubjectRequest']['type'], 'unclassified'>;
export type PublicSubmission = components['schemas']['PublicSubjectRequest'];
export type PublicReceipt = components['schemas']['PublicRequestReceipt'];
export type PublicVerified = components['schemas']['PublicRequestVerified'];

/** The request types a subject can file from the centre, in the order of the home page's cards. */
export const centreRequestTypes = [
  'information',
  'access',
  'rectification',
  'blocking',
  'destruction',
  'consent_withdrawal',
  'objection_automated_decision',
] as const satisfies readonly RequestType[];
export type CentreRequestType = (typeof centreRequestTypes)[number];

export type RequestStatus = components['schemas']['PublicRequestStatus'];
export type RequestState = RequestStatus['state'];
export type TimelineEvent = RequestStatus['timeline'][number]['event'];
export type SubjectConsent = components['schemas']['SubjectConsent'];
export type Branding = components['schemas']['Branding'];

export type Contact = { email: string } | { phone: string };

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'POST' ? cookie('amanat_subject_csrf') : undefined;
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the text itself is the message
    }
    throw new ApiFailure(response.status, parsed);
  }
  return response;
}

const json = async <T>(response: Promise<Response>): Promise<T> => {
  const answer = await response;
  return (answer.status === 204 ? null : await answer.json()) as T;
};

/** A file the server answers (letter, export) with the name it suggests. */
export interface Download {
  blob: Blob;
  fileName: string;
}

async function download(path: string, body: unknown, fallbackName: string): Promise<Download> {
  const response = await call('POST', path, body);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  return { blob: await response.blob(), fileName: name };
}

export const centreApi = {
  branding: () => json<Branding>(call('GET', '/api/public/branding')),
  /** The policy version in force (its id), read from the public policy page's header. */
  policyVersions: () =>
    json<{ versions: components['schemas']['PolicyVersionSummary'][] }>(
      call('GET', '/api/public/policy/versions'),
    ),
  currentPolicyVersion: async (): Promise<string | null> => {
    const response = await fetch('/policy', { method: 'HEAD' });
    const id = response.ok ? response.headers.get('x-policy-version') : null;
    return id ? decodeURIComponent(id) : null;
  },
  submitRequest: (body: PublicSubmission) => json<PublicReceipt>(call('POST', '/api/public/requests', body)),
  verifyRequest: (id: string, code: string) =>
    json<PublicVerified>(call('POST', `/api/public/requests/${encodeURIComponent(id)}/verify`, { code })),
  renewRequestCode: (email: string) =>
    json<{ verification: 'code_sent' | 'manual' }>(call('POST', '/api/public/requests/code', { email })),
  requestStatus: (token: string) =>
    json<RequestStatus>(call('POST', '/api/public/requests/status', { token })),
  letter: (token: string, number: number) =>
    download('/api/public/requests/status/letter', { token }, `answer-${number}.pdf`),
  dataExport: (token: string, number: number) =>
    download('/api/public/requests/status/export', { token }, `my-data-${number}.json`),
  subjectCode: (contact: Contact, lang: 'ru' | 'kk' | 'en') =>
    json<components['schemas']['SubjectCodeAnswer']>(
      call('POST', '/api/public/subject/code', { ...contact, lang }),
    ),
  subjectVerify: (contact: Contact, code: string) =>
    json<null>(call('POST', '/api/public/subject/verify', { ...contact, code })),
  consents: () => json<{ consents: SubjectConsent[] }>(call('GET', '/api/public/subject/consents')),
  withdraw: (purposeId: string) =>
    json<{ obligationDueOn: string }>(call('POST', '/api/public/subject/consents/withdraw', { purposeId })),
  signOut: () => json<null>(call('POST', '/api/public/subject/sign-out')),
};

/** Saves a downloaded file through a temporary link (the page's CSP allows blob: for it). */
export function saveFile({ blob, fileName }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
