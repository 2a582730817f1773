// The site's own small store: what the website keeps for itself and never sends to Amanat (the password hash,
// the sign-in sessions, support messages, testimonial texts) and the links between its accounts and Amanat's
// subjects. A JSON file when a path is given (written whole on every change, fine for an example), else memory.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SiteUser {
  email: string;
  fullName: string;
  /** argon2id hash; the password itself is never stored or sent anywhere. */
  passwordHash: string;
  subjectId: string;
  createdAt: string;
}

export interface Subscription {
  /** The secret of the unsubscribe link. */
  token: string;
  subjectId: string;
  email: string;
  consentId: string;
  active: boolean;
}

export interface SiteData {
  users: SiteUser[];
  subscriptions: Subscription[];
  /** Testimonial texts by the id Amanat gives the published entry (the publication consent's id). */
  testimonials: Record<string, string>;
  tickets: { id: string; subjectId: string; message: string; createdAt: string }[];
}

export interface SiteStore {
  data: SiteData;
  save(): void;
  userByEmail(email: string): SiteUser | undefined;
  /** Sessions live in memory only: a restart signs everyone out. */
  sessions: Map<string, string>;
}

export const newToken = () => randomBytes(24).toString('base64url');

export function openSiteStore(file: string | null): SiteStore {
  const empty: SiteData = { users: [], subscriptions: [], testimonials: {}, tickets: [] };
  const data: SiteData =
    file && existsSync(file) ? { ...empty, ...JSON.parse(readFileSync(file, 'utf8')) } : empty;
  return {
    data,
    sessions: new Map(),
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
    userByEmail(email) {
      const wanted = email.trim().toLowerCase();
      return data.users.find((u) => u.email === wanted);
    },
  };
}
