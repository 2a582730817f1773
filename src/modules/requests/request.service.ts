// Subject requests: one service composed of its parts, so callers hold one `RequestService`.
//   request.intake.ts        taking a request in (any channel; the privacy centre is request.public.ts)
//   request.workflow.ts      assignment and the deadline's extension
//   request.verification.ts  the requester's identity: e-mailed codes, or a staff member's check
//   request.queries.ts       reading: by number, one request, lists, history
//   request.digest.ts        the daily digest of what is due
//   request.core.ts          what they share: deadlines, the summary, the audited transition, sealed evidence
// Carrying a request out (reports, rectification, blocking, destruction, withdrawal) is request.execution.ts.
// Classifying an e-mailed request (and splitting one message into several requests) is request.classification.ts.
import { createRequestCore, type RequestServiceDeps } from './request.core.js';
import { createRequestDigest } from './request.digest.js';
import { createRequestIntake } from './request.intake.js';
import { REQUEST_COLUMNS, wrongState } from './request.model.js';
import { createRequestQueries } from './request.queries.js';
import { createRequestVerification } from './request.verification.js';
import { createRequestWorkflow } from './request.workflow.js';

export type { RequestServiceDeps } from './request.core.js';
export {
  deadlineKindOf,
  defaultRequestSettings,
  type ManualVerificationMethod,
  manualVerificationMethods,
  OPEN_STATUSES,
  type RequestContact,
  type RequestDetails,
  type RequestRow,
  type RequestSettings,
  type RequestSummary,
  requestNotFound,
  requestNumberOf,
  requestTypeTitles,
  type SubmitInput,
} from './request.model.js';

export function createRequestService(deps: RequestServiceDeps) {
  const core = createRequestCore(deps);
  const intake = createRequestIntake(deps, core);
  const workflow = createRequestWorkflow(deps, core);
  const verification = createRequestVerification(deps, core);
  const queries = createRequestQueries(deps, core);
  const digest = createRequestDigest(deps, queries);

  return {
    submit: intake.submit,
    sendDigest: digest.sendDigest,
    resolveId: queries.resolveId,
    assign: workflow.assign,
    extend: workflow.extend,
    startEmailVerification: verification.startEmailVerification,
    renewEmailCodes: verification.renewEmailCodes,
    verifyCode: verification.verifyCode,
    verifyManually: verification.verifyManually,
    get: queries.get,
    list: queries.list,
    history: queries.history,
    dueDigest: digest.dueDigest,
    // For request.execution.ts and request.classification.ts, which carry requests out and classify them, and
    // for the retention engine's completion of a destruction request.
    internal: {
      loadRow: core.loadRow,
      transition: core.transition,
      contactOf: core.contactOf,
      detailsOf: core.detailsOf,
      requireOpen: core.requireOpen,
      wrongState,
      summarize: core.summarize,
      deadlineFor: core.deadlineFor,
      checkScope: intake.checkScope,
      copyEvidence: core.copyEvidence,
      linkToOpenRequest: intake.linkToOpenRequest,
      columns: REQUEST_COLUMNS,
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
