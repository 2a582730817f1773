// The console's server state: the typed client with the staff CSRF cookie, the signed-in person and the register
// (purpose titles, field labels and the operator's time zone, which every date on the console is shown in).
import { useQuery } from '@tanstack/react-query';
import { ApiFailure, createApi, unwrap } from '../shared/api.js';
import type { Lang } from '../shared/i18n.js';

export const api = createApi('amanat_csrf');

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const result = await api.GET('/api/auth/me');
      if (result.response.status === 401) return null;
      return unwrap(result);
    },
  });
}

type Texts = Partial<Record<Lang, string>>;
interface RegisterPurpose {
  id: string;
  number: number;
  title: Texts;
  fields: string[];
  legal_bases?: { type: string; reference?: string }[];
  retention?: { kind: string; [key: string]: unknown };
  subject_categories?: string[];
  processing?: string;
}
interface RegisterShape {
  operator?: { name?: Texts; timezone?: string };
  policy?: { version?: string };
  fields?: { id: string; labels?: Texts }[];
  purposes?: RegisterPurpose[];
}

export interface RegisterView {
  source: string;
  warnings: { path: string; message: string }[];
  timeZone: string;
  operatorName: Texts;
  purposes: RegisterPurpose[];
  purposeTitle: (id: string, lang: Lang) => string;
  fieldLabel: (id: string, lang: Lang) => string;
}

export function useRegister(enabled = true) {
  return useQuery({
    queryKey: ['register'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<RegisterView> => {
      const body = unwrap(await api.GET('/api/register'));
      const register = body.register as RegisterShape;
      const purposes = register.purposes ?? [];
      const fields = new Map((register.fields ?? []).map((f) => [f.id, f.labels ?? {}]));
      const byId = new Map(purposes.map((p) => [p.id, p]));
      return {
        source: body.source,
        warnings: body.warnings,
        timeZone: register.operator?.timezone ?? 'Asia/Almaty',
        operatorName: register.operator?.name ?? {},
        purposes,
        purposeTitle: (id, lang) => {
          const p = byId.get(id);
          return p ? `${p.number ? `${p.number}. ` : ''}${p.title[lang] ?? p.title.ru ?? id}` : id;
        },
        fieldLabel: (id, lang) => fields.get(id)?.[lang] ?? fields.get(id)?.ru ?? id,
      };
    },
  });
}

/** Downloads a binary answer (PDF) through the session, then hands it to the browser as a file. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiFailure(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
