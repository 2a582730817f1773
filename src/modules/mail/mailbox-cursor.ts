// How far the IMAP poller has read each mailbox (mailbox_cursors): UIDVALIDITY and the last UID taken.
import type { Stores } from '../../db/database.js';

export function createMailboxCursor(deps: { stores: Stores; mailbox: string }) {
  /** The last UID read under this UIDVALIDITY; 0 to read the mailbox from its start. */
  async function read(uidValidity: number) {
    const [row] = await deps.stores.sql.query<{ uid_validity: string | number; last_uid: string | number }>(
      'SELECT uid_validity, last_uid FROM mailbox_cursors WHERE mailbox = $1',
      [deps.mailbox],
    );
    // A new UIDVALIDITY means the server renumbered the mailbox: read it all again (the intake skips nothing
    // it has not seen, and keys what it has seen by the old UIDVALIDITY).
    return row && Number(row.uid_validity) === uidValidity ? Number(row.last_uid) : 0;
  }

  /** Moves the cursor on (never back under the same UIDVALIDITY: two pollers may race). */
  async function advance(uidValidity: number, uid: number) {
    await deps.stores.sql.query(
      `INSERT INTO mailbox_cursors (mailbox, uid_validity, last_uid, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity,
         last_uid = CASE WHEN mailbox_cursors.uid_validity = EXCLUDED.uid_validity
                         THEN GREATEST(mailbox_cursors.last_uid, EXCLUDED.last_uid) ELSE EXCLUDED.last_uid END,
         updated_at = now()`,
      [deps.mailbox, uidValidity, uid],
    );
  }

  return { read, advance };
}
