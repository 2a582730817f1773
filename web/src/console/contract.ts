// Shapes of the console routes that come from another branch (contract C7: /api/stats and /api/system/status), until
// they are in the generated client. Read with plain fetch; a server without them answers 404 and the widgets say so.
import { ApiFailure } from '../shared/api.js';

export interface Stats {
  requestsPerWeek: { week: string; received: number; answered: number; onTime: number }[];
  consentsPerPurpose: { purposeId: string; granted: number; withdrawn: number }[];
  destroyedPerMonth: { month: string; values: number }[];
}

export interface SystemStatus {
  mailPoller: { configured: boolean; lastPollAt: string | null; lastError: string | null };
  jobs: { queued: number; failed: number; lastFailure: string | null };
  nextSweepAt: string | null;
  auditChain: { ok: boolean; entries: number; checkedAt: string };
}

/** null when the server has no such route yet (404). */
export async function getContract<T>(path: string): Promise<T | null> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 404) return null;
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiFailure(response.status, body);
  return body as T;
}
