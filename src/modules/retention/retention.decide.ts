// What a sweep does with one due value: destroy it, anonymise it, or release the purposes that ended. The plan
// asks the same question without acting, so both share this one answer.
import type { RegisterRules } from '../rules/register-rules.js';
import type { RetentionAssessor, SubjectFacts, ValueMeta } from './retention.assess.js';

export interface RetentionDecision {
  kind: 'destroy' | 'anonymise' | 'release';
  purposes: string[];
  reason: string;
  remaining: string[];
  nextAt: Date | null;
  lastEnd: Date | null;
}

export function createDecider(rules: RegisterRules, assessor: RetentionAssessor) {
  /** What a sweep does with one due value: destroy it, anonymise it, or release the purposes that ended. */
  function decide(
    row: Pick<ValueMeta, 'purposes' | 'legal_bases' | 'collected_at' | 'status' | 'marked_reason'>,
    facts: SubjectFacts,
    liquidationAt: Date | null,
    at: Date,
  ): RetentionDecision | null {
    if (row.status === 'marked_for_destruction') {
      return {
        kind: 'destroy',
        purposes: row.purposes,
        reason: row.marked_reason ?? 'marked',
        remaining: [],
        nextAt: null,
        lastEnd: null,
      };
    }
    const { ended, remaining, nextAt, lastEnd } = assessor.assess(row, facts, liquidationAt, at);
    if (ended.length === 0) return null;
    if (remaining.length > 0)
      return { kind: 'release', purposes: ended, reason: 'retention_expired', remaining, nextAt, lastEnd };
    // Anonymised only when every purpose it was held for says so; one "destroy" purpose wins.
    const anonymise = ended.every(
      (p) => rules.register.purposes.find((x) => x.id === p)?.on_retention_end === 'anonymise',
    );
    return {
      kind: anonymise ? 'anonymise' : 'destroy',
      purposes: ended,
      reason: 'retention_expired',
      remaining,
      nextAt,
      lastEnd,
    };
  }

  return decide;
}
