// Classification of a request that came without a type (an e-mail): a person decides what it asks for, and one
// message that asks several things becomes several requests, each linked to the kept message.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { validationError } from '../vault/field-values.js';
import type { RequestRow, RequestService, RequestSummary, SubmitInput } from './request.service.js';
import type { RequestStatus, RequestType } from './request.table.js';

/** A request named in a split (classify `also`): the new one, or the open one it was linked to. */
export interface SplitRequest {
  id: string;
  number: number;
  type: RequestType;
  status: RequestStatus;
  dueDate: string;
  duplicate: boolean;
}

const splitOf = (r: RequestSummary) => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  dueDate: r.dueDate,
});

export function createRequestClassification(deps: {
  stores: Stores;
  audit: AuditService;
  requests: RequestService;
  clock: () => Date;
}) {
  const { stores, audit } = deps;
  const {
    transition,
    requireOpen,
    wrongState,
    summarize,
    deadlineFor,
    checkScope,
    copyEvidence,
    linkToOpenRequest,
    columns,
  } = deps.requests.internal;

  /**
   * A person decides what an unclassified message asks for; the deadline is counted again from receipt. One
   * message may ask for several things: each type in `also` becomes a request of its own, with the same
   * requester, words, receipt time and kept message (`inbound_message_id`), in the same transaction. A type
   * the same requester already has an open request of is linked to that request as a duplicate instead.
   */
  async function classify(
    actor: string,
    id: string,
    input: {
      type: Exclude<RequestType, 'unclassified'>;
      scope?: SubmitInput['scope'];
      also?: { type: Exclude<RequestType, 'unclassified'>; scope?: SubmitInput['scope'] }[];
    },
  ): Promise<RequestSummary & { split: SplitRequest[] }> {
    const also = input.also ?? [];
    for (const part of [input, ...also]) {
      checkScope({ type: part.type, channel: 'api', contact: {}, scope: part.scope, values: { any: 1 } });
    }
    const types = [input.type, ...also.map((a) => a.type)];
    const repeated = types.find((t, i) => types.indexOf(t) !== i);
    if (repeated) {
      throw validationError(`Тип «${repeated}» назван дважды / A type is named twice`, [
        { path: 'also', message: `type ${repeated} appears more than once; each type makes one request` },
      ]);
    }
    return stores.transaction(async (tx) => {
      const split: SplitRequest[] = [];
      const request = await transition(
        id,
        (row) => {
          requireOpen(row);
          if (row.type !== 'unclassified') throw wrongState(row, `тип уже определён: ${row.type}`);
          const { due, deadline } = deadlineFor(input.type, row.received_at);
          return {
            set: {
              type: input.type,
              scope: input.scope ?? row.scope,
              due_date: due.dueDate,
              due_at: new Date(due.dueAt),
              deadline,
            },
            entries: [
              {
                actor,
                action: 'request.classify',
                subjectId: row.subject_id,
                details: {
                  request_id: id,
                  type: input.type,
                  dueDate: due.dueDate,
                  ...(also.length ? { also: also.map((a) => a.type) } : {}),
                },
              },
            ],
          };
        },
        tx,
      );
      if (also.length === 0) return { ...request, split };
      const [origin] = await tx.query<RequestRow & { contact_hash: Uint8Array }>(
        `SELECT ${columns}, contact_hash FROM subject_requests WHERE id = $1`,
        [id],
      );
      for (const part of also) split.push(await splitOff(tx, actor, origin!, part));
      return { ...request, split };
    });
  }

  /** One more request from the same message (see classify). */
  async function splitOff(
    tx: Sql,
    actor: string,
    origin: RequestRow & { contact_hash: Uint8Array },
    part: { type: Exclude<RequestType, 'unclassified'>; scope?: SubmitInput['scope'] },
  ): Promise<SplitRequest> {
    const linked = await linkToOpenRequest(
      tx,
      actor,
      origin.contact_hash,
      part.type,
      { channel: origin.channel, splitFrom: origin.id, inboundMessageId: origin.inbound_message_id },
      origin.id,
    );
    if (linked) return { ...splitOf(summarize(linked)), duplicate: true };
    const now = deps.clock();
    const newId = randomUUID();
    const { due, deadline } = deadlineFor(part.type, origin.received_at);
    const evidence = copyEvidence(origin, newId);
    const [row] = await tx.query<RequestRow>(
      `INSERT INTO subject_requests (id, type, status, channel, subject_id, contact_hash, contact_ciphertext,
         details_ciphertext, scope, language, received_at, due_date, due_at, deadline, inbound_message_id,
         verification, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::date, $13, $14::jsonb, $15, $16::jsonb, $17)
       RETURNING ${columns}`,
      [
        newId,
        part.type,
        // Identity proved for the message holds for every request it makes.
        origin.verification ? 'in_progress' : 'received',
        origin.channel,
        origin.subject_id,
        origin.contact_hash,
        evidence.contact,
        evidence.details,
        JSON.stringify(part.scope ?? {}),
        origin.language,
        origin.received_at,
        due.dueDate,
        new Date(due.dueAt),
        JSON.stringify(deadline),
        origin.inbound_message_id,
        origin.verification ? JSON.stringify(origin.verification) : null,
        now,
      ],
    );
    await audit.append(tx, [
      {
        actor,
        action: 'request.receive',
        subjectId: origin.subject_id,
        purposeId: part.scope?.purposes?.[0] ?? null,
        fieldIds: part.scope?.fields ?? [],
        details: {
          request_id: newId,
          type: part.type,
          channel: origin.channel,
          dueDate: due.dueDate,
          deadline,
          subjectKnown: origin.subject_id !== null,
          splitFrom: origin.id,
          inboundMessageId: origin.inbound_message_id,
        },
      },
    ]);
    return { ...splitOf(summarize(row!)), duplicate: false };
  }

  return { classify };
}

export type RequestClassification = ReturnType<typeof createRequestClassification>;
