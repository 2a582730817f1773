// What changed between two published policy versions, and which consents need renewal because of it.
// A consent given under version v needs renewal for purpose p when the change from v to the version in force
// (the latest, or the one asked for) widens p: new data, longer retention, a new ground of transfer to third
// parties, a transfer abroad or publication newly allowed, a new kind of processing. The change is taken
// between v and that version directly, so a widening undone by a later version asks nobody to renew.
// Read-only: the versions come from the policy service (VersionSource), the consents from the journal.
import type { Sql } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import {
  countConsentsNeedingRenewal,
  listConsentsNeedingRenewal,
  type RenewalConsent,
} from '../consents/consent.renewals.js';
import type { LocalizedText, Purpose } from '../register/register.schema.js';
import type {
  ChangeText,
  PublishedVersion,
  RegisterChange,
  VersionSource,
  VersionSummary,
} from './policy.changes.types.js';
import { diffRegisters, widenedPurposes } from './policy.diff.js';

export interface PolicyDiff {
  from: VersionSummary;
  to: VersionSummary;
  changes: RegisterChange[];
  /** Consent-based purposes whose consents given under `from` need renewal under `to`. */
  widenedPurposes: string[];
}

export interface PurposeRenewal {
  purposeId: string;
  number: number | null;
  title: LocalizedText;
  /** The older versions the purpose was widened since, each with the lines that widen it. */
  widenedSince: { version: string; publishedOn: string; changes: ChangeText[] }[];
  /** Consents in force given under those versions. */
  consents: number;
  byVersion: Record<string, number>;
}

export interface Renewals {
  version: VersionSummary;
  purposes: PurposeRenewal[];
  total: number;
}

const summary = (v: VersionSummary): VersionSummary => ({
  id: v.id,
  publishedAt: v.publishedAt,
  publishedOn: v.publishedOn,
  registerSha256: v.registerSha256,
});

function unknownVersion(id: string, path: string): DomainError {
  return new DomainError(
    ErrorCodes.NOT_FOUND,
    `Версия политики «${id}» не опубликована / No published policy version «${id}»`,
    { issues: [{ path, message: `no published policy version «${id}»` }], details: { version: id } },
  );
}

/** Purposes in the order the policy's table numbers them; unnumbered ones after, in register order. */
const byNumber = (purposes: Purpose[]) =>
  [...purposes].sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));

export function createPolicyChanges(deps: { versions: VersionSource; sql: Sql }) {
  const { versions, sql } = deps;

  async function version(id: string, path: string): Promise<PublishedVersion> {
    const found = await versions.get(id);
    if (!found) throw unknownVersion(id, path);
    return found;
  }

  async function diff(fromId: string, toId: string): Promise<PolicyDiff> {
    const from = await version(fromId, 'from');
    const to = await version(toId, 'to');
    const changes = diffRegisters(from.register, to.register);
    return { from: summary(from), to: summary(to), changes, widenedPurposes: widenedPurposes(changes) };
  }

  /** The version asked for (the latest by default) and, per purpose, the older versions that it widens. */
  async function widening(versionId: string | undefined) {
    const target = versionId === undefined ? await versions.latest() : await version(versionId, 'version');
    if (!target) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        'Ни одна версия политики ещё не опубликована (amanat policy publish) / No policy version is published yet',
        { issues: [{ path: 'version', message: 'no published policy version' }] },
      );
    }
    const older = (await versions.list())
      .filter((v) => v.id !== target.id && v.publishedAt < target.publishedAt)
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    const since = new Map<string, PurposeRenewal['widenedSince']>();
    for (const listed of older) {
      const old = await versions.get(listed.id);
      if (!old) continue;
      for (const change of diffRegisters(old.register, target.register)) {
        if (!change.widens || change.purposeId === null) continue;
        const list = since.get(change.purposeId) ?? [];
        let entry = list.find((e) => e.version === old.id);
        if (!entry) {
          entry = { version: old.id, publishedOn: old.publishedOn, changes: [] };
          list.push(entry);
        }
        entry.changes.push(change.text);
        since.set(change.purposeId, list);
      }
    }
    return { target, since };
  }

  /** Per consent-based purpose widened since an older version: those versions and the consents to renew. */
  async function renewals(versionId?: string): Promise<Renewals> {
    const { target, since } = await widening(versionId);
    const purposes: PurposeRenewal[] = [];
    for (const p of byNumber(target.register.purposes)) {
      const widenedSince = since.get(p.id);
      if (!widenedSince) continue;
      const [count] = await countConsentsNeedingRenewal(sql, {
        purposeIds: [p.id],
        versionsBefore: widenedSince.map((w) => w.version),
      });
      purposes.push({
        purposeId: p.id,
        number: p.number ?? null,
        title: p.title,
        widenedSince,
        consents: count!.count,
        byVersion: count!.byVersion,
      });
    }
    return {
      version: summary(target),
      purposes,
      total: purposes.reduce((sum, p) => sum + p.consents, 0),
    };
  }

  /** One page of the consents of `purposeId` that need renewal under the version (the latest by default). */
  async function consentsToRenew(
    purposeId: string,
    page: { versionId?: string; limit: number; after?: string },
  ): Promise<{ version: VersionSummary; consents: RenewalConsent[]; next: string | null }> {
    const { target, since } = await widening(page.versionId);
    if (!target.register.purposes.some((p) => p.id === purposeId)) {
      throw new DomainError(
        ErrorCodes.UNKNOWN_PURPOSE,
        `В версии «${target.id}» нет цели «${purposeId}» / Version «${target.id}» has no purpose «${purposeId}»`,
        { issues: [{ path: 'purposeId', message: `no purpose «${purposeId}» in version «${target.id}»` }] },
      );
    }
    const versionsBefore = (since.get(purposeId) ?? []).map((w) => w.version);
    const result = await listConsentsNeedingRenewal(sql, {
      purposeId,
      versionsBefore,
      limit: page.limit,
      after: page.after,
    });
    return { version: summary(target), ...result };
  }

  return { diff, renewals, consentsToRenew };
}

export type PolicyChanges = ReturnType<typeof createPolicyChanges>;
