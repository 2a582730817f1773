// Generated from /api/openapi.json by `npm run client:generate` (openapi-typescript). Do not edit:
// change the routes and run the command again; test/openapi-contract.test.ts fails when this file is stale.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and the store in use (no credentials needed) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The loaded processing register (as validated), with validation warnings */
        get: operations["getRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find or create a subject by its identifiers */
        post: operations["createSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find a subject by one identifier (in the body, so it never appears in URLs or logs) */
        post: operations["lookupSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subject: status and which kinds of identifiers it has (no values) */
        get: operations["getSubject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the values held for one purpose (decrypted; the read is written to the audit log) */
        get: operations["readSubjectData"];
        put?: never;
        /**
         * Collect personal data for one or more purposes
         * @description Every field must be listed by every named purpose (data minimisation); biometric data is refused; a consent basis needs a live consent, a contract basis needs contract_ref. Values are encrypted under the subject's key; the response echoes no values.
         */
        post: operations["collectSubjectData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find or create the subject by its identifiers and collect data, in one call */
        post: operations["collectData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The subject’s whole record (every purpose the caller may read), for a stated reason
         * @description The reason (10+ characters) is kept in the audit log with the purposes and fields read.
         */
        get: operations["getSubjectRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subject's consent journal with proof */
        get: operations["listConsents"];
        put?: never;
        /** Record a consent with its proof */
        post: operations["grantConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/consents/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consent: records the obligation to stop processing with its deadline */
        post: operations["withdrawConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consent-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published consent forms of a policy version, each with its text's SHA-256 (no credentials) */
        get: operations["listConsentForms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consent-forms/{formId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consent form as plain text (what a grant records and hashes) or as an HTML page */
        get: operations["getConsentForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cookie banner's texts and categories of the latest published policy version (CORS *, ETag) */
        get: operations["getWidgetConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cookie-consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proof of a visitor's cookie choice (the widget; JSON as application/json or text/plain for sendBeacon) */
        post: operations["recordCookieConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/gpc.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Global Privacy Control support: the site honours the signal (marketing categories are refused) */
        get: operations["getGpcSupport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cookie-consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visitor's cookie proofs, newest first */
        get: operations["listCookieConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cookie-consents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cookie proofs received on the operator's local days from..to, as CSV or JSON (streamed) */
        get: operations["exportCookieConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cookie-consents/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Links a visitor's cookie proofs to a subject (the site's backend, when the visitor signs in) */
        post: operations["linkCookieVisitor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the operator owes and by when (e.g. stop processing after a withdrawal) */
        get: operations["listObligations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/obligations/{obligationId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an open obligation with evidence of what Amanat cannot see (e.g. the mailing service stopped); 409 when already fulfilled */
        post: operations["closeObligation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a sweep would destroy, anonymise or release by a date, without doing it */
        get: operations["getRetentionPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a sweep now (one at a time: 409 retention_busy while another runs) */
        post: operations["runRetentionSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last sweeps, newest first */
        get: operations["listRetentionRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/retention-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a fact retention counts from: a contract's end, or a purpose achieved */
        post: operations["recordRetentionEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the subject's activity: periods counted from the last activity restart */
        post: operations["recordSubjectActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/liquidation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare the operator's liquidation date: "until liquidation" data then ends on it */
        post: operations["declareLiquidation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subjects/{subjectId}/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend destruction of a subject (all fields or the named ones): a court, an authority, a dispute */
        post: operations["placeLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal holds, newest first */
        get: operations["listLegalHolds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal-holds/{holdId}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a legal hold (destruction resumes at the next sweep) */
        post: operations["liftLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/acts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Acts of destruction, newest first (kept 3 years) */
        get: operations["listDestructionActs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/acts/paper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the destruction of paper media (shredder) with an act */
        post: operations["recordPaperDestruction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/acts/{actId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One act as JSON */
        get: operations["getDestructionAct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/acts/{actId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The act as PDF, in Russian (the stored original) or Kazakh */
        get: operations["getDestructionActPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/acts/{actId}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The act's full log extract, page by page (after_seq from the previous page's next) */
        get: operations["getDestructionActLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests with due date, working days left and overdue flag (no personal data) */
        get: operations["listRequests"];
        put?: never;
        /** Take in a subject request (from any channel); a duplicate of an open one is linked to it */
        post: operations["submitRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is overdue, due today and due tomorrow (the daily digest) */
        get: operations["getRequestDigest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request with the requester's contact and words (the read is audited) */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request's history, from the audit chain */
        get: operations["getRequestHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide what an unclassified message asks for; the deadline is counted again from receipt */
        post: operations["classifyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the request to a staff member */
        post: operations["assignRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/verification/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a one-time code to the requester's e-mail */
        post: operations["startRequestEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/verification/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a staff member checked identity, and how (no document copy is kept) */
        post: operations["verifyRequestManually"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/verification/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a one-time code the requester received */
        post: operations["verifyRequestCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the deadline once where the law allows it (RU: +5 working days with a reason) */
        post: operations["extendRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Carry the verified request out (report, rectify, block, unblock, schedule destruction, withdraw) */
        post: operations["executeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse with a reason the law allows; the letter quotes it */
        post: operations["refuseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The access report (schema amanat.access-report/1), compiled from what is held now */
        get: operations["getRequestReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answer letter as PDF in the request's language, with the operator's details */
        get: operations["getRequestLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/send-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail the letter (and the JSON report of an access request) to the requester's address */
        post: operations["sendRequestAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{requestId}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the answer was sent outside Amanat (by post, by hand, from another mailbox), and when */
        post: operations["recordRequestDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A data subject files a request; a code is e-mailed to confirm it is theirs */
        post: operations["submitPublicRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The data subject asks for a new code for their requests waiting for confirmation
         * @description Each open request of this e-mail still waiting for confirmation gets a new code by e-mail, unless its code is still valid and under 10 minutes old. The answer is the same whether or not there is such a request.
         */
        post: operations["renewPublicRequestCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests/{requestId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The data subject enters the e-mailed code
         * @description A wrong, expired or used-up code, and an id that names no request waiting for confirmation, all answer the same 422; five wrong codes void a code (ask for a new one), and wrong codes are limited per client address.
         */
        post: operations["verifyPublicRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The requester follows their request's progress by its status link
         * @description The token comes from the confirmation (the verify answer, and the e-mail link /requests/status#<token>); it is sent in the body, never in a URL. A wrong token answers 404 status_token_unknown; tries are limited per client address.
         */
        post: operations["getPublicRequestStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests/status/letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The requester downloads the answer letter (PDF) once the request is answered or refused
         * @description The token comes from the confirmation (the verify answer, and the e-mail link /requests/status#<token>); it is sent in the body, never in a URL. A wrong token answers 404 status_token_unknown; tries are limited per client address. Before the answer: 409.
         */
        post: operations["getPublicRequestLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/requests/status/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The requester downloads their data (JSON) once an access request is answered
         * @description The token comes from the confirmation (the verify answer, and the e-mail link /requests/status#<token>); it is sent in the body, never in a URL. A wrong token answers 404 status_token_unknown; tries are limited per client address. Other request types, or before the answer: 409.
         */
        post: operations["getPublicRequestExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take in one raw e-mail (RFC 822) sent to the privacy address, as `amanat mail ingest` does */
        post: operations["ingestMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the privacy mailbox now (IMAP_URL), as the scheduled poll does */
        post: operations["pollMailbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Walk the hash chain; name the first entry that was changed, removed or reordered, or a tail cut short of its anchor */
        post: operations["verifyAudit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key; the token is shown once
         * @description A key holds collection and administration scopes only (subjects:write, data:write, consents:write, requests:submit, register:read, audit:read, keys:manage, staff:manage), and only those its creator holds. Reading, exporting or changing personal data comes only from the key’s entry on the access list the head approved (POST /api/access-list/proposals with {keyId, roleId}).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail, password and (when enabled) a TOTP code; sets the session cookie */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and what the approved access list lets them do */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start enabling the TOTP second factor: a new secret and its otpauth:// address
         * @description The new secret is pending until confirmed; an enabled factor stays in force until then. Replacing an enabled factor needs the password and a current code from it (a wrong password counts towards the lock-out).
         */
        post: operations["setUpTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the TOTP secret with a code from the app; from now on sign-in asks for a code */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a password-reset link to a staff e-mail (the answer is the same for unknown e-mails)
         * @description The letter is sent by the mail job, never while the request waits. Without SMTP every e-mail is answered 503 alike.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the link’s token; ends every open session of the account */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts */
        get: operations["listStaff"];
        put?: never;
        /**
         * Create a staff account (no rights until the head approves a list naming the person)
         * @description The person sets a password through a reset link sent to the e-mail. Marking someone as the head is done only from the server’s command line (`amanat staff add --head`); an administrator (isAdmin) is made only by the head, signed in, or from that command line.
         */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One staff account */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles: purposes, fields and actions */
        get: operations["listRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a role (takes effect for people only through the next approved list) */
        put: operations["saveRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update several roles at once (a roles file): all checked first, all written or none; roles already as given are left alone */
        post: operations["loadRoles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions of the access list, newest first; `current` is the approved one in force */
        get: operations["listAccessListVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose a new version of the list (the whole list: persons, roles, start dates) */
        post: operations["proposeAccessList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list/{versionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version as a document (JSON) */
        get: operations["getAccessListVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list/{versionId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version as PDF (Russian or Kazakh), with the approver and the date */
        get: operations["getAccessListPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list/{versionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a proposed version (the head only); it replaces the list in force at once */
        post: operations["approveAccessList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-list/{versionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a proposed version (the head only) */
        post: operations["rejectAccessList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recipient register: processors, third parties, authorities, with their country */
        get: operations["listRecipients"];
        put?: never;
        /** Add a recipient (a processor needs its contract reference) */
        post: operations["createRecipient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The disclosure log (of one subject with ?subjectId=) */
        get: operations["listDisclosures"];
        put?: never;
        /**
         * Disclose a subject’s fields of one purpose to a recipient, on one of the register’s grounds
         * @description Checked: the ground exists in the register; prior consent is live and covers the recipient and the fields; "initiated by the subject" needs their request; "legal duty" needs the authority’s request and its representative held under purpose 1; "contract" needs the contract; a recipient abroad is refused when the register forbids cross-border transfer. The answer carries the values to send; the disclosure is logged.
         */
        post: operations["discloseData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/testimonials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published testimonial authors (no credentials): only fields a live publication consent permits */
        get: operations["listPublishedTestimonials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/papers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's internal papers: order, regulation, data list, access list */
        get: operations["listPapers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/papers/{paper}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One paper from the register as DOCX or PDF; blanks mark what the register does not hold
         * @description DOCX is filled from the operator's template when AMANAT_TEMPLATES_DIR has papers/<paper>.<lang>.docx, else from the shipped one; a broken template answers 422 template_invalid naming the file. The access-list paper needs staff:manage and an approved access list (404 otherwise).
         */
        get: operations["getPaper"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two published policy versions, in words (RU/KK/EN) */
        get: operations["diffPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/renewals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consent-based purposes widened since older versions, with the consents in force to renew */
        get: operations["listPolicyRenewals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/renewals/{purposeId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The consents of one purpose that need renewal: ids and subject ids, a page at a time */
        get: operations["listPolicyRenewalConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published policy versions, oldest first (public: each is readable at /policy/{version}) */
        get: operations["listPublicPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published policy versions, oldest first */
        get: operations["listPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version: its dates, register hash and documents with their SHA-256 */
        get: operations["getPolicyVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the server's loaded register as a policy version (unchanged: says so and writes nothing; a label already published with other contents: 409 naming policy.version; an invalid register: 422 naming each rule) */
        post: operations["publishPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts for the console charts: requests per week (and on time), consents per purpose, values destroyed per month
         * @description Counts only — no subject, value or text — so every signed-in person may read them (register:read). Weeks and months are the operator's time zone.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mailbox poller, the scheduled jobs, the next retention sweep and the audit chain
         * @description No personal data (error messages are cut short and addresses in them masked): every signed-in person may read it (register:read).
         */
        get: operations["getSystemStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's name, logo and colour for the web pages */
        get: operations["getBranding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/subject/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A data subject asks for a one-time code to their e-mail or phone (to manage their consents)
         * @description The same answer whether or not the operator knows the contact. A code lives 10 minutes and 5 tries; a new one voids the old. Limited per client address and per contact (429).
         */
        post: operations["requestSubjectCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/subject/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The data subject enters the code: a 15-minute session starts (cookies)
         * @description Sets the HttpOnly cookie amanat_subject and the readable amanat_subject_csrf (SameSite=Strict). A wrong, expired, used-up or never-sent code all answer the same 422 code_invalid; wrong codes are limited per client address.
         */
        post: operations["verifySubjectCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/subject/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The verified subject's consents, each with its text and policy version (the read is audited) */
        get: operations["listSubjectConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/subject/consents/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The verified subject withdraws a consent: the obligation to stop processing is recorded at once */
        post: operations["withdrawSubjectConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/subject/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the subject's privacy-centre session (if any) and clears its cookies */
        post: operations["signOutSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example field_not_allowed_for_purpose */
                code: string;
                message: string;
                issues: {
                    path: string;
                    message: string;
                    rule?: string;
                }[];
            };
        };
        /**
         * @example {
         *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "created": true,
         *       "identitiesAdded": [
         *         "email",
         *         "phone"
         *       ]
         *     }
         */
        SubjectEnsured: {
            /** Format: uuid */
            id: string;
            created: boolean;
            identitiesAdded: string[];
        };
        /**
         * @description At least one identifier. Values are normalised and stored only as keyed hashes and ciphertext.
         * @example {
         *       "email": "aigerim@example.kz",
         *       "phone": "+7 701 123 45 67"
         *     }
         */
        SubjectIdentities: {
            email?: string;
            phone?: string;
            iin?: string;
        };
        /**
         * @example {
         *       "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "values": [
         *         {
         *           "id": "0b7d3a52-93f5-4c1e-9d2a-5a4e2f1c7b10",
         *           "field": "full_name",
         *           "purposes": [
         *             "support"
         *           ],
         *           "legalBases": [
         *             {
         *               "purpose": "support",
         *               "type": "contract",
         *               "reference": "KZ Art. 7",
         *               "contractRef": "offer-2025-01"
         *             }
         *           ],
         *           "source": "website:support-form",
         *           "collectedAt": "2026-03-20T09:30:00.000Z",
         *           "action": "created"
         *         }
         *       ]
         *     }
         */
        StoredValues: {
            /** Format: uuid */
            subjectId: string;
            values: {
                /** Format: uuid */
                id: string;
                field: string;
                purposes: string[];
                legalBases: components["schemas"]["ValueLegalBasis"][];
                source: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                collectedAt: string;
                /** @enum {string} */
                action: "created" | "updated";
            }[];
        };
        ValueLegalBasis: {
            purpose: string;
            type: string;
            reference: string;
            consentId?: string;
            contractRef?: string;
            retentionOption?: string;
        };
        /**
         * @example {
         *       "purposes": [
         *         "support"
         *       ],
         *       "values": {
         *         "full_name": "Айгерим Сапарова",
         *         "phone": "+77011234567"
         *       },
         *       "source": "website:support-form",
         *       "contract_ref": "offer-2025-01"
         *     }
         */
        CollectData: {
            purposes: string[];
            values: {
                [key: string]: unknown;
            };
            source: string;
            /** @enum {string} */
            legal_basis?: "consent" | "publication_consent" | "contract" | "legal_duty" | "legitimate_interest" | "statistics_research" | "vital_interest";
            contract_ref?: string;
            retention_options?: {
                [key: string]: string;
            };
        };
        /**
         * @example {
         *       "subject": {
         *         "email": "aigerim@example.kz"
         *       },
         *       "purposes": [
         *         "support"
         *       ],
         *       "values": {
         *         "full_name": "Айгерим Сапарова"
         *       },
         *       "source": "website:support-form",
         *       "contract_ref": "offer-2025-01"
         *     }
         */
        CollectForIdentity: {
            purposes: string[];
            values: {
                [key: string]: unknown;
            };
            source: string;
            /** @enum {string} */
            legal_basis?: "consent" | "publication_consent" | "contract" | "legal_duty" | "legitimate_interest" | "statistics_research" | "vital_interest";
            contract_ref?: string;
            retention_options?: {
                [key: string]: string;
            };
            subject: components["schemas"]["SubjectIdentities"];
        };
        ReadValue: {
            /** Format: uuid */
            id: string;
            field: string;
            /** @description The decrypted value, of the field’s type */
            value?: unknown;
            purposes: string[];
            legalBases: components["schemas"]["ValueLegalBasis"][];
            source: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            collectedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            updatedAt: string;
        };
        /**
         * @example {
         *       "id": "5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01",
         *       "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "purposeId": "mailing",
         *       "kind": "processing",
         *       "status": "active",
         *       "grantedAt": "2026-03-20T09:30:00.000Z",
         *       "channel": "web",
         *       "text": "Согласие на обработку персональных данных\n\nЦель № 8 Политики обработки персональных данных. …",
         *       "textSha256": "d5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3",
         *       "policyVersion": "2025-01",
         *       "formSha256": "d5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3",
         *       "lang": "ru",
         *       "dataFields": [
         *         "email"
         *       ],
         *       "term": null,
         *       "thirdPartyTransfer": false,
         *       "transferRecipients": null,
         *       "crossBorderTransfer": false,
         *       "publicationAllowed": false,
         *       "publicationFields": null,
         *       "withdrawnAt": null,
         *       "withdrawalChannel": null,
         *       "operator": {
         *         "name": "ТОО «Пример»",
         *         "binIin": "123456789012"
         *       }
         *     }
         */
        ConsentRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subjectId: string;
            purposeId: string;
            /** @enum {string} */
            kind: "processing" | "publication";
            /** @enum {string} */
            status: "active" | "withdrawn";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            grantedAt: string;
            /** @enum {string} */
            channel: "web" | "api" | "email" | "paper";
            text: string;
            textSha256: string;
            policyVersion: string;
            /** @description SHA-256 of the published form the consent answers (null: recorded before forms) */
            formSha256: string | null;
            /** @enum {string|null} */
            lang: "ru" | "kk" | "en" | null;
            dataFields: string[];
            term: string | null;
            thirdPartyTransfer: boolean;
            transferRecipients: string[] | null;
            crossBorderTransfer: boolean;
            publicationAllowed: boolean;
            publicationFields: {
                field: string;
                restrictions: string[];
            }[] | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            withdrawnAt: string | null;
            /** @enum {string|null} */
            withdrawalChannel: "web" | "api" | "email" | "paper" | null;
            operator?: {
                name: string;
                binIin: string;
            };
            /** @description The proof kept sealed with the consent, decrypted */
            evidence?: {
                subjectFullName?: string;
                ip?: string;
                userAgent?: string;
                withdrawal?: {
                    ip?: string;
                    userAgent?: string;
                };
            };
        };
        /**
         * @example {
         *       "purpose": "mailing",
         *       "kind": "processing",
         *       "channel": "web",
         *       "policy_version": "2025-01",
         *       "lang": "ru",
         *       "subject_full_name": "Сапарова Айгерим",
         *       "ip": "203.0.113.7",
         *       "user_agent": "Mozilla/5.0",
         *       "third_party_transfer": false,
         *       "cross_border_transfer": false,
         *       "publication": false
         *     }
         */
        ConsentGrant: {
            purpose: string;
            /**
             * @default processing
             * @enum {string}
             */
            kind?: "processing" | "publication";
            /** @enum {string} */
            channel: "web" | "api" | "email" | "paper";
            /** @description web, api: omit it to record the published form (GET /api/consent-forms/{formId}); if sent, it must equal the form text exactly (else 422 consent_text_mismatch with both SHA-256). paper, email: required, the subject's own signed or sent text (at most 20,000 characters), kept with the form's hash */
            text?: string;
            /** @description A published policy version (GET /api/consent-forms lists it); else 422 */
            policy_version: string;
            /**
             * @description The language of the form the subject was shown (default ru)
             * @enum {string}
             */
            lang?: "ru" | "kk" | "en";
            subject_full_name?: string;
            ip?: string;
            user_agent?: string;
            term?: string;
            third_party_transfer?: boolean;
            /** @description Recipients the transfer consent names: ids in the recipient register (POST /api/recipients); needs third_party_transfer: true. Without it the consent allows third parties in general. */
            transfer_recipients?: string[];
            cross_border_transfer?: boolean;
            publication?: boolean;
            data_fields?: string[];
            publication_fields?: {
                field: string;
                /** @default [] */
                restrictions?: string[];
            }[];
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00+05:00
             */
            given_at?: string;
        };
        /**
         * @example {
         *       "consent": {
         *         "id": "5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01",
         *         "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *         "purposeId": "mailing",
         *         "kind": "processing",
         *         "status": "withdrawn",
         *         "grantedAt": "2026-03-20T09:30:00.000Z",
         *         "channel": "web",
         *         "text": "Согласие на обработку персональных данных\n\nЦель № 8 Политики обработки персональных данных. …",
         *         "textSha256": "d5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3",
         *         "policyVersion": "2025-01",
         *         "formSha256": "d5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3",
         *         "lang": "ru",
         *         "dataFields": [
         *           "email"
         *         ],
         *         "term": null,
         *         "thirdPartyTransfer": false,
         *         "transferRecipients": null,
         *         "crossBorderTransfer": false,
         *         "publicationAllowed": false,
         *         "publicationFields": null,
         *         "withdrawnAt": "2026-03-21T05:00:00.000Z",
         *         "withdrawalChannel": "web",
         *         "operator": {
         *           "name": "ТОО «Пример»",
         *           "binIin": "123456789012"
         *         }
         *       },
         *       "obligation": {
         *         "id": "9b2f8c1e-3d4a-4b5c-8d6e-7f8091a2b3c4",
         *         "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *         "kind": "stop_processing",
         *         "purposeId": "mailing",
         *         "consentId": "5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01",
         *         "status": "open",
         *         "createdAt": "2026-03-21T05:00:00.000Z",
         *         "dueDate": "2026-04-06",
         *         "dueAt": "2026-04-06T18:59:59.999Z",
         *         "deadline": {
         *           "amount": 10,
         *           "unit": "working_days",
         *           "source": "register",
         *           "rule": "KZ Art. 8 p. 7"
         *         }
         *       },
         *       "releasedFields": [],
         *       "markedForDestruction": [
         *         "0b7d3a52-93f5-4c1e-9d2a-5a4e2f1c7b10"
         *       ]
         *     }
         */
        ConsentWithdrawn: {
            consent: components["schemas"]["ConsentRecord"];
            obligation: components["schemas"]["Obligation"];
            /** @description Values still held for other purposes */
            releasedFields: string[];
            /** @description Values with no purpose left */
            markedForDestruction: string[];
        };
        /**
         * @example {
         *       "id": "6f1d2c1e-8a4b-4c1a-9e77-1d2f3a4b5c6d",
         *       "subjectId": "0b8e7c7a-2f4e-4d7b-8a61-5c9e0f1a2b3c",
         *       "kind": "stop_processing",
         *       "purposeId": "mailing",
         *       "consentId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
         *       "status": "fulfilled",
         *       "createdAt": "2026-03-20T09:30:00.000Z",
         *       "dueDate": "2026-04-03",
         *       "dueAt": "2026-04-03T18:59:59.999Z",
         *       "deadline": {
         *         "amount": 10,
         *         "unit": "working_days",
         *         "source": "register",
         *         "rule": "Политика оператора, п. 3.4.1"
         *       },
         *       "fulfilledAt": "2026-03-21T10:00:00.000Z",
         *       "fulfilment": {
         *         "how": "closed",
         *         "by": "staff:dpo@example.kz",
         *         "evidence": "Адрес отписан в сервисе рассылок"
         *       },
         *       "destructionActId": null
         *     }
         */
        Obligation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subjectId: string;
            /** @example stop_processing */
            kind: string;
            purposeId: string;
            /** Format: uuid */
            consentId: string | null;
            /** @enum {string} */
            status: "open" | "fulfilled";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date
             * @description The last day, in the operator time zone
             */
            dueDate: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            dueAt: string;
            /** @description The deadline applied and the rule it comes from */
            deadline: {
                amount: number;
                unit: string;
                source: string;
                rule: string;
            };
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            fulfilledAt: string | null;
            /** @description How it was fulfilled: purpose released, data destroyed (with the act), or closed by a person with evidence */
            fulfilment: {
                /** @enum {string} */
                how: "purpose_released" | "data_destroyed" | "closed";
                by: string;
                /** Format: uuid */
                actId?: string;
                evidence?: string;
            } | null;
            /** Format: uuid */
            destructionActId: string | null;
        };
        /**
         * @example {
         *       "purpose": "mailing",
         *       "kind": "processing",
         *       "channel": "web",
         *       "received_at": "2026-03-21T10:00:00+05:00"
         *     }
         */
        ConsentWithdrawal: {
            purpose: string;
            /**
             * @default processing
             * @enum {string}
             */
            kind?: "processing" | "publication";
            /** @enum {string} */
            channel: "web" | "api" | "email" | "paper";
            ip?: string;
            user_agent?: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00+05:00
             */
            received_at?: string;
        };
        /**
         * @example {
         *       "version": "2025-01",
         *       "lang": "ru",
         *       "forms": [
         *         {
         *           "formId": "mailing",
         *           "purposeId": "mailing",
         *           "kind": "purpose",
         *           "lang": "ru",
         *           "sha256": "d5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3"
         *         }
         *       ]
         *     }
         */
        ConsentFormList: {
            version: string;
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            forms: components["schemas"]["ConsentFormSummary"][];
        };
        ConsentFormSummary: {
            /** @description The purpose id, or 'publication' for the publication form */
            formId: string;
            purposeId: string | null;
            /** @enum {string} */
            kind: "purpose" | "publication";
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            /** @description SHA-256 of the UTF-8 plain text, hex */
            sha256: string;
        };
        WidgetConfig: {
            policyVersion: string;
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            /** @description SHA-256 (hex) a proof must quote */
            textHash: string;
            policyUrl: string;
            proofUrl: string;
            texts: {
                title: string;
                text: string;
                acceptAll: string;
                rejectAll: string;
                settings: string;
                save: string;
                close: string;
                settingsLink: string;
                alwaysOn: string;
                policyLink: string;
                placeholder: string;
                loadOnce: string;
                allowCategory: string;
            };
            categories: {
                id: string;
                required: boolean;
                gpc: boolean;
                name: string;
                description: string;
                consentMode: string[];
                vendors: string[];
                cookies: {
                    name?: string;
                    /** @description A JavaScript regular expression's source */
                    pattern?: string;
                    /** @description The pattern as a reader knows it (e.g. '_ga_*' for '^_ga_.+$') */
                    label?: string;
                    provider: string;
                    /** @example 24 мес. */
                    lifetime: string;
                    /** @description null: a session cookie */
                    lifetimeDays: number | null;
                    description: string;
                }[];
            }[];
        };
        /**
         * @example {
         *       "visitorId": "3f1c2a9e-7b4d-4e2f-9a61-0c8d5b7e4a21",
         *       "policyVersion": "2025-01",
         *       "lang": "ru",
         *       "textHash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         *       "choices": {
         *         "necessary": true,
         *         "analytics": true,
         *         "marketing": false
         *       },
         *       "method": "custom",
         *       "gpc": false,
         *       "decidedAt": "2026-12-04T10:15:00.000Z"
         *     }
         */
        CookieProof: {
            /**
             * Format: uuid
             * @description UUID v4 made by the widget, kept in its amanat_consent cookie
             */
            visitorId: string;
            policyVersion: string;
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            /** @description The config's textHash for that version and language */
            textHash: string;
            /**
             * @description Every category of the version: id → granted; required ones true
             * @example {
             *       "necessary": true,
             *       "analytics": true,
             *       "marketing": false
             *     }
             */
            choices: {
                [key: string]: boolean;
            };
            /** @enum {string} */
            method: "accept_all" | "reject_all" | "custom" | "withdraw" | "gpc";
            /** @description The browser sent a Global Privacy Control signal */
            gpc: boolean;
            /**
             * Format: date-time
             * @description When the visitor chose: at most 5 minutes ahead, at most 30 days ago
             */
            decidedAt: string;
        };
        CookieProofRecord: {
            id: string;
            visitorId: string;
            policyVersion: string;
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            textHash: string;
            choices: {
                [key: string]: boolean;
            };
            /** @enum {string} */
            method: "accept_all" | "reject_all" | "custom" | "withdraw" | "gpc";
            gpc: boolean;
            decidedAt: string;
            receivedAt: string;
            userAgent: string | null;
            subjectId: string | null;
        };
        /**
         * @example {
         *       "visitorId": "3f1c2a9e-7b4d-4e2f-9a61-0c8d5b7e4a21",
         *       "subjectId": "0b5e7a52-1c4f-4d2a-8f3e-6a9b1c2d3e4f"
         *     }
         */
        CookieVisitorLink: {
            /** Format: uuid */
            visitorId: string;
            /** Format: uuid */
            subjectId: string;
        };
        RetentionPlan: {
            at: string;
            items: {
                purpose: string;
                field: string;
                /** @enum {string} */
                outcome: "destroy" | "anonymise" | "release";
                reason: string;
                values: number;
            }[];
            values: number;
            subjects: number;
            subjectsEmptied: number;
            held: {
                values: number;
                subjects: number;
            };
            undetermined: {
                values: number;
                purposes: string[];
            };
            requests: number;
        };
        SweepResult: {
            /** Format: uuid */
            runId: string;
            asOf: string;
            valuesDestroyed: number;
            valuesAnonymised: number;
            valuesReleased: number;
            subjectsDestroyed: number;
            acts: {
                /** Format: uuid */
                id: string;
                number: number;
                kind: string;
                /** Format: uuid */
                requestId?: string;
            }[];
            requestsAnswered: string[];
            requestsHeld: string[];
            actsExpired: number;
        };
        RetentionRun: {
            /** Format: uuid */
            id: string;
            trigger: string;
            instance: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            as_of: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            started_at: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            finished_at: string | null;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** Format: uuid */
            act_id: string | null;
            values_destroyed: number;
            subjects_destroyed: number;
            error: string | null;
        };
        /**
         * @example {
         *       "id": "2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f",
         *       "kind": "contract_end",
         *       "occurredAt": "2026-03-20T00:00:00.000Z",
         *       "valuesRescheduled": 3
         *     }
         */
        RetentionEventRecorded: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "contract_end" | "purpose_achieved";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            occurredAt: string;
            valuesRescheduled: number;
        };
        /**
         * @example {
         *       "kind": "contract_end",
         *       "contract_ref": "offer-2025-01",
         *       "occurred_at": "2026-03-20"
         *     }
         */
        RetentionEvent: {
            /** @enum {string} */
            kind: "contract_end" | "purpose_achieved";
            purpose?: string;
            contract_ref?: string;
            /**
             * @description YYYY-MM-DD (start of that day in the operator time zone) or an ISO 8601 instant with offset
             * @example 2026-03-20
             */
            occurred_at?: string;
        };
        /**
         * @example {
         *       "id": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
         *       "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "fields": null,
         *       "reason": "Запрос суда № 2-1234/2026",
         *       "placedBy": "staff:dpo@example.kz",
         *       "placedAt": "2026-03-20T09:30:00.000Z"
         *     }
         */
        LegalHold: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subjectId: string;
            /** @description null: every field of the subject */
            fields: string[] | null;
            reason: string;
            placedBy: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            placedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            liftedAt?: string | null;
            liftedBy?: string | null;
            liftReason?: string | null;
        };
        /**
         * @example {
         *       "reason": "Запрос суда № 2-1234/2026"
         *     }
         */
        LegalHoldInput: {
            reason: string;
            fields?: string[];
        };
        /**
         * @example {
         *       "id": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
         *       "number": 7,
         *       "kind": "paper",
         *       "status": "completed",
         *       "requestId": null,
         *       "runId": null,
         *       "createdAt": "2026-03-20T09:30:00.000Z",
         *       "completedAt": "2026-03-20T09:30:00.000Z",
         *       "retainUntil": "2029-03-20T09:30:00.000Z"
         *     }
         */
        DestructionAct: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            kind: "sweep" | "request" | "paper";
            /** @enum {string} */
            status: "open" | "completed";
            /** Format: uuid */
            requestId: string | null;
            /** Format: uuid */
            runId: string | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            retainUntil: string | null;
            act?: components["schemas"]["DestructionActData"];
        };
        /** @description Present once the act is completed */
        DestructionActData: {
            /** Format: uuid */
            id?: string;
            /**
             * @description The language of the act’s texts (the JSON is Russian)
             * @enum {string}
             */
            lang?: "ru" | "kk";
            number?: number;
            /** @enum {string} */
            kind?: "sweep" | "request" | "paper";
            /** Format: date */
            date?: string;
            completedAt?: string;
            operator?: {
                name: string;
                binIin: string;
                address: string;
            };
            /** @description Processors from the recipient register to which the destroyed data was disclosed; empty: none took part */
            processors?: {
                name: string;
                country: string;
                contractRef?: string;
            }[];
            subjects?: {
                count: number;
                categories: {
                    id: string;
                    title: string;
                }[];
                ids?: string[];
            };
            dataCategories?: {
                id: string;
                label: string;
                values: number;
            }[];
            purposes?: {
                id: string;
                number?: number;
                title: string;
                legalBases?: string[];
            }[];
            informationSystems?: {
                id: string;
                name: string;
            }[];
            method?: string;
            reasons?: {
                code: string;
                text: string;
                values: number;
            }[];
            performedBy?: {
                name: string;
                /** @description Absent: the PDF leaves a blank to fill */
                position?: string;
                /**
                 * @description responsible: answers for the system that destroyed the data automatically; executor: carried out the request
                 * @enum {string}
                 */
                role?: "responsible" | "executor";
            }[];
            paper?: {
                media: string;
                pages: number;
            };
            request?: {
                number: number;
                receivedDate: string;
            };
            /** @description The audit chain when the act was drawn up: its last entry and that entry’s MAC (hex) */
            auditPosition?: {
                seq: number;
                hash: string;
            };
            /** @description Years the act is kept (the jurisdiction profile) */
            keepYears?: number;
            /** @description The articles of law the act rests on (the jurisdiction profile) */
            basis?: string;
            /** @description How many entries record the act; the lines themselves: GET /api/retention/acts/{actId}/log */
            log?: {
                entries: number;
                firstSeq: number | null;
                lastSeq: number | null;
                lines: {
                    seq: number;
                    at: string;
                    /** @description The subject’s internal id; «—» for paper media */
                    subjectId: string;
                    fields: {
                        id: string;
                        label: string;
                    }[];
                    informationSystems: string[];
                    reason: string;
                    outcome: string;
                }[];
                truncated: boolean;
            };
        };
        /**
         * @example {
         *       "id": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
         *       "lang": "ru",
         *       "number": 7,
         *       "kind": "paper",
         *       "date": "2026-03-20",
         *       "completedAt": "2026-03-20T09:30:00.000Z",
         *       "operator": {
         *         "name": "ТОО «Пример»",
         *         "binIin": "123456789012",
         *         "address": "г. Алматы"
         *       },
         *       "processors": [],
         *       "subjects": {
         *         "count": 0,
         *         "categories": []
         *       },
         *       "dataCategories": [
         *         {
         *           "id": "full_name",
         *           "label": "ФИО",
         *           "values": 42
         *         }
         *       ],
         *       "purposes": [],
         *       "informationSystems": [],
         *       "method": "Измельчение в шредере",
         *       "reasons": [
         *         {
         *           "code": "paper",
         *           "text": "Истёк срок хранения",
         *           "values": 42
         *         }
         *       ],
         *       "performedBy": [
         *         {
         *           "name": "Сапарова А.",
         *           "position": "Ответственный за обработку ПД"
         *         }
         *       ],
         *       "paper": {
         *         "media": "Анкеты соискателей, папка № 3",
         *         "pages": 42
         *       },
         *       "keepYears": 3,
         *       "basis": "Закон Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите», ст. 1 подп. 6)",
         *       "log": {
         *         "entries": 1,
         *         "firstSeq": 1024,
         *         "lastSeq": 1024,
         *         "lines": [],
         *         "truncated": false
         *       }
         *     }
         */
        DestructionActDocument: {
            /** Format: uuid */
            id: string;
            /**
             * @description The language of the act’s texts (the JSON is Russian)
             * @enum {string}
             */
            lang: "ru" | "kk";
            number: number;
            /** @enum {string} */
            kind: "sweep" | "request" | "paper";
            /** Format: date */
            date: string;
            completedAt: string;
            operator: {
                name: string;
                binIin: string;
                address: string;
            };
            /** @description Processors from the recipient register to which the destroyed data was disclosed; empty: none took part */
            processors: {
                name: string;
                country: string;
                contractRef?: string;
            }[];
            subjects: {
                count: number;
                categories: {
                    id: string;
                    title: string;
                }[];
                ids?: string[];
            };
            dataCategories: {
                id: string;
                label: string;
                values: number;
            }[];
            purposes: {
                id: string;
                number?: number;
                title: string;
                legalBases?: string[];
            }[];
            informationSystems: {
                id: string;
                name: string;
            }[];
            method: string;
            reasons: {
                code: string;
                text: string;
                values: number;
            }[];
            performedBy: {
                name: string;
                /** @description Absent: the PDF leaves a blank to fill */
                position?: string;
                /**
                 * @description responsible: answers for the system that destroyed the data automatically; executor: carried out the request
                 * @enum {string}
                 */
                role?: "responsible" | "executor";
            }[];
            paper?: {
                media: string;
                pages: number;
            };
            request?: {
                number: number;
                receivedDate: string;
            };
            /** @description The audit chain when the act was drawn up: its last entry and that entry’s MAC (hex) */
            auditPosition?: {
                seq: number;
                hash: string;
            };
            /** @description Years the act is kept (the jurisdiction profile) */
            keepYears: number;
            /** @description The articles of law the act rests on (the jurisdiction profile) */
            basis: string;
            log: {
                entries: number;
                firstSeq: number | null;
                lastSeq: number | null;
                lines: {
                    seq: number;
                    at: string;
                    /** @description The subject’s internal id; «—» for paper media */
                    subjectId: string;
                    fields: {
                        id: string;
                        label: string;
                    }[];
                    informationSystems: string[];
                    reason: string;
                    outcome: string;
                }[];
                truncated: boolean;
            };
        };
        /**
         * @example {
         *       "date": "2026-03-20",
         *       "media": "Анкеты соискателей, папка № 3",
         *       "pages": 42,
         *       "reason": "Истёк срок хранения",
         *       "fields": [
         *         "full_name",
         *         "phone"
         *       ],
         *       "performed_by": [
         *         {
         *           "name": "Сапарова А.",
         *           "position": "Ответственный за обработку ПД"
         *         }
         *       ]
         *     }
         */
        PaperDestruction: {
            /**
             * Format: date
             * @example 2026-03-20
             */
            date: string;
            media: string;
            pages: number;
            reason: string;
            fields: string[];
            subject_categories?: string[];
            subject_ids?: string[];
            purposes?: string[];
            information_systems?: string[];
            method?: string;
            performed_by: {
                name: string;
                position?: string;
            }[];
        };
        DestructionLogPage: {
            lines: {
                seq: number;
                at: string;
                /** @description The subject’s internal id; «—» for paper media */
                subjectId: string;
                fields: {
                    id: string;
                    label: string;
                }[];
                informationSystems: string[];
                reason: string;
                outcome: string;
            }[];
            /** @description after_seq of the next page; null at the end */
            next: number | null;
        };
        /**
         * @description A request as staff see it in lists: no personal data
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "number": 12,
         *       "type": "consent_withdrawal",
         *       "status": "received",
         *       "channel": "email",
         *       "subjectId": null,
         *       "language": "ru",
         *       "receivedAt": "2026-03-20T09:30:00.000Z",
         *       "dueDate": "2026-04-03",
         *       "dueAt": "2026-04-03T18:59:59.999Z",
         *       "daysLeft": 10,
         *       "overdue": false,
         *       "deadline": {
         *         "amount": 10,
         *         "unit": "working_days",
         *         "source": "register",
         *         "rule": "KZ Art. 8 p. 7"
         *       },
         *       "extensionReason": null,
         *       "verification": null,
         *       "assignee": null,
         *       "duplicates": 0,
         *       "outcome": null,
         *       "closedAt": null,
         *       "scope": {
         *         "purposes": [
         *           "mailing"
         *         ]
         *       },
         *       "inboundMessageId": null
         *     }
         */
        SubmittedRequest: components["schemas"]["SubjectRequest"] & {
            /** @description Linked to an open request of the same contact */
            duplicate: boolean;
        };
        /**
         * @description A request as staff see it in lists: no personal data
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "number": 12,
         *       "type": "consent_withdrawal",
         *       "status": "received",
         *       "channel": "email",
         *       "subjectId": null,
         *       "language": "ru",
         *       "receivedAt": "2026-03-20T09:30:00.000Z",
         *       "dueDate": "2026-04-03",
         *       "dueAt": "2026-04-03T18:59:59.999Z",
         *       "daysLeft": 10,
         *       "overdue": false,
         *       "deadline": {
         *         "amount": 10,
         *         "unit": "working_days",
         *         "source": "register",
         *         "rule": "KZ Art. 8 p. 7"
         *       },
         *       "extensionReason": null,
         *       "verification": null,
         *       "assignee": null,
         *       "duplicates": 0,
         *       "outcome": null,
         *       "closedAt": null,
         *       "scope": {
         *         "purposes": [
         *           "mailing"
         *         ]
         *       },
         *       "inboundMessageId": null
         *     }
         */
        SubjectRequest: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision" | "unclassified";
            /** @enum {string} */
            status: "received" | "verifying" | "in_progress" | "answered" | "refused";
            /** @enum {string} */
            channel: "api" | "web" | "email" | "paper";
            /** Format: uuid */
            subjectId: string | null;
            /** @enum {string} */
            language: "ru" | "kk" | "en";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            receivedAt: string;
            /** Format: date */
            dueDate: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            dueAt: string;
            /** @description Working days left; negative once overdue */
            daysLeft: number;
            overdue: boolean;
            deadline: {
                amount: number;
                unit: string;
                /** @enum {string} */
                source: "register" | "law";
                rule: string;
                /** @description The operator's policy clause that states it */
                clause?: string;
            };
            extensionReason: string | null;
            verification: {
                /** @enum {string} */
                method: "email_code" | "manual";
                verifiedAt: string;
                verifiedBy: string;
                how?: string;
                note?: string;
            } | null;
            assignee: string | null;
            duplicates: number;
            outcome: {
                at: string;
                by: string;
                summary: string;
                refusal?: {
                    reason: string;
                    rule?: string;
                };
                fields?: string[];
                purposes?: string[];
                consents?: string[];
                obligations?: string[];
                pendingDestruction?: {
                    fields: string[];
                    by: string;
                };
                destruction?: {
                    /** Format: uuid */
                    actId: string;
                    actNumber: number;
                    at: string;
                    fields: string[];
                };
                deliveries?: {
                    /** @enum {string} */
                    channel: "email" | "post" | "hand" | "courier" | "other";
                    /** Format: date */
                    on: string;
                    by: string;
                    note?: string;
                }[];
            } | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            closedAt: string | null;
            scope: {
                purposes?: string[];
                fields?: string[];
            };
            /** Format: uuid */
            inboundMessageId: string | null;
        };
        /**
         * @example {
         *       "type": "consent_withdrawal",
         *       "channel": "email",
         *       "contact": {
         *         "email": "aigerim@example.kz",
         *         "name": "Сапарова Айгерим"
         *       },
         *       "scope": {
         *         "purposes": [
         *           "mailing"
         *         ]
         *       }
         *     }
         */
        SubjectRequestSubmission: {
            /** @enum {string} */
            type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision" | "unclassified";
            /** @enum {string} */
            channel: "api" | "web" | "email" | "paper";
            contact: {
                email?: string;
                phone?: string;
                name?: string;
            };
            /** Format: uuid */
            subject_id?: string;
            scope?: {
                purposes?: string[];
                fields?: string[];
            };
            values?: {
                [key: string]: unknown;
            };
            text?: string;
            /** @enum {string} */
            language?: "ru" | "kk" | "en";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00+05:00
             */
            received_at?: string;
        };
        RequestDigest: {
            /** Format: date */
            today: string;
            /** Format: date */
            tomorrow: string;
            overdue: components["schemas"]["SubjectRequest"][];
            dueToday: components["schemas"]["SubjectRequest"][];
            dueTomorrow: components["schemas"]["SubjectRequest"][];
        };
        /**
         * @description A request as staff see it in lists: no personal data
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "number": 12,
         *       "type": "consent_withdrawal",
         *       "status": "received",
         *       "channel": "email",
         *       "subjectId": null,
         *       "language": "ru",
         *       "receivedAt": "2026-03-20T09:30:00.000Z",
         *       "dueDate": "2026-04-03",
         *       "dueAt": "2026-04-03T18:59:59.999Z",
         *       "daysLeft": 10,
         *       "overdue": false,
         *       "deadline": {
         *         "amount": 10,
         *         "unit": "working_days",
         *         "source": "register",
         *         "rule": "KZ Art. 8 p. 7"
         *       },
         *       "extensionReason": null,
         *       "verification": null,
         *       "assignee": null,
         *       "duplicates": 0,
         *       "outcome": null,
         *       "closedAt": null,
         *       "scope": {
         *         "purposes": [
         *           "mailing"
         *         ]
         *       },
         *       "inboundMessageId": null
         *     }
         */
        SubjectRequestDetails: components["schemas"]["SubjectRequest"] & {
            contact: {
                email?: string;
                phone?: string;
                name?: string;
            };
            details: {
                values?: {
                    [key: string]: unknown;
                };
                text?: string;
            };
        };
        SubjectRequestHistory: {
            history: {
                seq: number;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                at: string;
                actor: string;
                action: string;
                fields: string[];
                /** @description The audit entry’s details (no values) */
                details: {
                    [key: string]: unknown;
                };
            }[];
        };
        /**
         * @description A request as staff see it in lists: no personal data
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "number": 12,
         *       "type": "consent_withdrawal",
         *       "status": "received",
         *       "channel": "email",
         *       "subjectId": null,
         *       "language": "ru",
         *       "receivedAt": "2026-03-20T09:30:00.000Z",
         *       "dueDate": "2026-04-03",
         *       "dueAt": "2026-04-03T18:59:59.999Z",
         *       "daysLeft": 10,
         *       "overdue": false,
         *       "deadline": {
         *         "amount": 10,
         *         "unit": "working_days",
         *         "source": "register",
         *         "rule": "KZ Art. 8 p. 7"
         *       },
         *       "extensionReason": null,
         *       "verification": null,
         *       "assignee": null,
         *       "duplicates": 0,
         *       "outcome": null,
         *       "closedAt": null,
         *       "scope": {
         *         "purposes": [
         *           "mailing"
         *         ]
         *       },
         *       "inboundMessageId": null
         *     }
         */
        ClassifiedRequest: components["schemas"]["SubjectRequest"] & {
            /** @description The further requests the same message made (classify `also`) */
            split: {
                /** Format: uuid */
                id: string;
                number: number;
                /** @enum {string} */
                type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision" | "unclassified";
                /** @enum {string} */
                status: "received" | "verifying" | "in_progress" | "answered" | "refused";
                /** Format: date */
                dueDate: string;
                /** @description Linked to an open request of the same type */
                duplicate: boolean;
            }[];
        };
        /**
         * @example {
         *       "request": {
         *         "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *         "number": 12,
         *         "type": "consent_withdrawal",
         *         "status": "verifying",
         *         "channel": "email",
         *         "subjectId": null,
         *         "language": "ru",
         *         "receivedAt": "2026-03-20T09:30:00.000Z",
         *         "dueDate": "2026-04-03",
         *         "dueAt": "2026-04-03T18:59:59.999Z",
         *         "daysLeft": 10,
         *         "overdue": false,
         *         "deadline": {
         *           "amount": 10,
         *           "unit": "working_days",
         *           "source": "register",
         *           "rule": "KZ Art. 8 p. 7"
         *         },
         *         "extensionReason": null,
         *         "verification": null,
         *         "assignee": null,
         *         "duplicates": 0,
         *         "outcome": null,
         *         "closedAt": null,
         *         "scope": {
         *           "purposes": [
         *             "mailing"
         *           ]
         *         },
         *         "inboundMessageId": null
         *       },
         *       "expiresAt": "2026-03-20T10:00:00.000Z"
         *     }
         */
        EmailVerificationStarted: {
            request: components["schemas"]["SubjectRequest"];
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            expiresAt: string;
        };
        /**
         * @description The request after execution; the access report is read through GET /api/requests/{requestId}/report
         * @example {
         *       "request": {
         *         "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *         "number": 12,
         *         "type": "consent_withdrawal",
         *         "status": "answered",
         *         "channel": "email",
         *         "subjectId": null,
         *         "language": "ru",
         *         "receivedAt": "2026-03-20T09:30:00.000Z",
         *         "dueDate": "2026-04-03",
         *         "dueAt": "2026-04-03T18:59:59.999Z",
         *         "daysLeft": 10,
         *         "overdue": false,
         *         "deadline": {
         *           "amount": 10,
         *           "unit": "working_days",
         *           "source": "register",
         *           "rule": "KZ Art. 8 p. 7"
         *         },
         *         "extensionReason": null,
         *         "verification": null,
         *         "assignee": null,
         *         "duplicates": 0,
         *         "outcome": {
         *           "at": "2026-03-22T08:00:00.000Z",
         *           "by": "staff:dpo@example.kz",
         *           "summary": "consent_withdrawn"
         *         },
         *         "closedAt": "2026-03-22T08:00:00.000Z",
         *         "scope": {
         *           "purposes": [
         *             "mailing"
         *           ]
         *         },
         *         "inboundMessageId": null
         *       }
         *     }
         */
        RequestExecuted: {
            request: components["schemas"]["SubjectRequest"];
        };
        /** @description Schema amanat.access-report/1 (docs/requests.md) */
        AccessReport: {
            /** @enum {string} */
            schema: "amanat.access-report/1";
            generatedAt: string;
            /** @enum {string} */
            language: "ru" | "kk" | "en";
            request: {
                /** Format: uuid */
                id: string;
                number: number;
                type: string;
                receivedAt: string;
                dueDate: string;
            };
            operator: {
                name: string;
                binIin: string;
                address: string;
                email: string;
                phone?: string;
                responsiblePerson: {
                    name: string;
                    position?: string;
                    email: string;
                };
            };
            noDataHeld: boolean;
            subject: {
                /** Format: uuid */
                id: string;
                status: string;
                identities: {
                    kind: string;
                    value?: string;
                }[];
            } | null;
            purposes: {
                id: string;
                number?: number;
                title: string;
                processing: string;
                legalBases: {
                    type: string;
                    reference: string;
                }[];
                retention: string;
                values: {
                    field: string;
                    label: string;
                    value?: unknown;
                    source: string;
                    collectedAt: string;
                    updatedAt: string;
                    legalBasis: {
                        type: string;
                        reference: string;
                        consentId?: string;
                        contractRef?: string;
                    } | null;
                    /** @enum {string} */
                    status: "active" | "marked_for_destruction";
                    destroyBy: string | null;
                }[];
                recipients: {
                    name: string;
                    country: string;
                    at: string;
                    fields: string[];
                }[];
            }[];
            consents: {
                /** Format: uuid */
                id: string;
                purpose: string;
                kind: string;
                status: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                grantedAt: string;
                channel: string;
                text: string;
                policyVersion: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                withdrawnAt: string | null;
                evidence: {
                    subjectFullName?: string;
                    ip?: string;
                    userAgent?: string;
                    withdrawal?: {
                        ip?: string;
                        userAgent?: string;
                    };
                };
            }[];
        };
        /**
         * @example {
         *       "messageId": "<a1b2c3@privacy.example.kz>"
         *     }
         */
        RequestAnswerSent: {
            messageId: string;
        };
        /**
         * @description The same answer whether or not the contact already has an open request of this type (then the new one is linked to it and the contact is told by e-mail)
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "verification": "code_sent"
         *     }
         */
        PublicRequestReceipt: {
            /**
             * Format: uuid
             * @description Confirm the request with this id and the e-mailed code
             */
            id: string;
            /**
             * @description code_sent: a letter went to the e-mail given; manual: the operator will confirm identity
             * @enum {string}
             */
            verification: "code_sent" | "manual";
        };
        /**
         * @example {
         *       "type": "access",
         *       "contact": {
         *         "email": "aigerim@example.kz",
         *         "name": "Сапарова Айгерим"
         *       },
         *       "language": "ru"
         *     }
         */
        PublicSubjectRequest: {
            /** @enum {string} */
            type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision";
            contact: {
                email?: string;
                phone?: string;
                name?: string;
            };
            scope?: {
                purposes?: string[];
                fields?: string[];
            };
            values?: {
                [key: string]: unknown;
            };
            text?: string;
            /** @enum {string} */
            language?: "ru" | "kk" | "en";
        };
        /**
         * @description The same answer whether or not the address has a request waiting for confirmation
         * @example {
         *       "verification": "code_sent"
         *     }
         */
        PublicCodeRenewal: {
            /**
             * @description code_sent: e-mail is set up, and any request of this address waiting for confirmation gets a new code by e-mail; manual: the operator confirms identity otherwise
             * @enum {string}
             */
            verification: "code_sent" | "manual";
        };
        /**
         * @example {
         *       "email": "aigerim@example.kz"
         *     }
         */
        PublicCodeRenewalRequest: {
            email: string;
        };
        /**
         * @example {
         *       "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
         *       "number": 12,
         *       "status": "in_progress",
         *       "statusToken": "Xq3vN0bq1zJ2yLw8mZ4u7cT5rE9sK6aH1dP0fG2iU3o"
         *     }
         */
        PublicRequestVerified: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            status: "received" | "verifying" | "in_progress" | "answered" | "refused";
            /** @description The status link's token (256 random bits, shown once; also e-mailed as <public URL>/requests/status#<token>): POST /api/public/requests/status reads the request with it */
            statusToken: string;
        };
        /**
         * @description No personal value: the request by its number, dates and steps
         * @example {
         *       "number": 12,
         *       "type": "access",
         *       "receivedOn": "2026-03-20",
         *       "dueOn": "2026-03-30",
         *       "workingDaysLeft": 6,
         *       "state": "in_progress",
         *       "timeline": [
         *         {
         *           "at": "2026-03-20T05:00:00.000Z",
         *           "event": "received"
         *         },
         *         {
         *           "at": "2026-03-20T05:00:00.000Z",
         *           "event": "code_sent"
         *         },
         *         {
         *           "at": "2026-03-20T05:04:00.000Z",
         *           "event": "verified"
         *         }
         *       ],
         *       "letter": false,
         *       "export": false
         *     }
         */
        PublicRequestStatus: {
            number: number;
            /** @enum {string} */
            type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision" | "unclassified";
            /**
             * Format: date
             * @description The day received, in the operator's time zone
             */
            receivedOn: string;
            /**
             * Format: date
             * @description The last day of the deadline (working days of the calendar)
             */
            dueOn: string;
            /** @description Working days to the due date; 0 once answered */
            workingDaysLeft: number;
            /** @enum {string} */
            state: "received" | "verifying" | "in_progress" | "extended" | "answered" | "refused";
            timeline: {
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                at: string;
                /** @enum {string} */
                event: "received" | "classified" | "code_sent" | "verified" | "extended" | "executed" | "answered" | "refused" | "answer_sent";
            }[];
            /** @description The answer letter can be downloaded (…/status/letter) */
            letter: boolean;
            /** @description The data export can be downloaded (…/status/export) */
            export: boolean;
        };
        /**
         * @example {
         *       "token": "Xq3vN0bq1zJ2yLw8mZ4u7cT5rE9sK6aH1dP0fG2iU3o"
         *     }
         */
        PublicStatusToken: {
            /** @description The status link's token (the part after #) */
            token: string;
        };
        MailIngestResult: {
            /**
             * Format: uuid
             * @description The kept (sealed) message
             */
            messageId: string;
            /** @enum {string} */
            classification: "consent_withdrawal" | "unclassified" | "duplicate" | "rejected";
            request?: components["schemas"]["SubjectRequest"];
            note?: string;
            droppedAttachments: {
                filename?: string | null;
                contentType: string;
                size: number;
                reason: string;
            }[];
            alreadyTaken?: boolean;
        };
        MailPollResult: {
            mailbox: string;
            fetched: number;
            results: components["schemas"]["MailIngestResult"][];
            resumed: number;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: string[];
            roleId: string | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            revokedAt: string | null;
        };
        /**
         * @example {
         *       "id": "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a",
         *       "email": "dpo@example.kz",
         *       "fullName": "Сапарова Айгерим",
         *       "position": "Ответственный за организацию обработки ПД",
         *       "isAdmin": false,
         *       "isHead": false,
         *       "status": "active",
         *       "totpEnabled": true
         *     }
         */
        StaffAccount: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            position: string | null;
            isAdmin: boolean;
            isHead: boolean;
            status: string;
            totpEnabled: boolean;
        };
        /**
         * @example {
         *       "id": "support",
         *       "name": "Служба поддержки",
         *       "description": null,
         *       "purposes": [
         *         "support"
         *       ],
         *       "fields": {},
         *       "actions": [
         *         "subjects:read",
         *         "data:read",
         *         "requests:read"
         *       ],
         *       "createdAt": "2026-03-20T09:30:00.000Z",
         *       "updatedAt": "2026-03-20T09:30:00.000Z"
         *     }
         */
        Role: {
            id: string;
            name: string;
            description: string | null;
            purposes: string[];
            fields: {
                [key: string]: string[];
            };
            actions: string[];
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            updatedAt: string;
        };
        /**
         * @example {
         *       "created": [
         *         "support"
         *       ],
         *       "updated": [],
         *       "unchanged": [
         *         "dpo"
         *       ]
         *     }
         */
        RolesLoaded: {
            created: string[];
            updated: string[];
            unchanged: string[];
        };
        AccessListVersion: {
            /** Format: uuid */
            id: string;
            version: number;
            /** @enum {string} */
            status: "proposed" | "approved" | "superseded" | "rejected";
            persons: number;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            proposedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            decidedAt: string | null;
        };
        /**
         * @example {
         *       "id": "4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b",
         *       "version": 3,
         *       "status": "approved",
         *       "operator": {
         *         "name": "ТОО «Пример»",
         *         "binIin": "123456789012",
         *         "address": "г. Алматы"
         *       },
         *       "proposedBy": {
         *         "name": "Администратор",
         *         "position": null
         *       },
         *       "proposedAt": "2026-03-20T09:30:00.000Z",
         *       "approvedBy": {
         *         "name": "Руководитель",
         *         "position": "Директор"
         *       },
         *       "approvedAt": "2026-03-20T10:00:00.000Z",
         *       "previousVersion": 2,
         *       "note": null,
         *       "auditPosition": {
         *         "seq": 1842,
         *         "hash": "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"
         *       },
         *       "entries": []
         *     }
         */
        AccessListDocument: {
            /** Format: uuid */
            id: string;
            version: number;
            /** @enum {string} */
            status: "proposed" | "approved" | "superseded" | "rejected";
            operator: {
                name: string;
                binIin: string;
                address: string;
            };
            proposedBy: {
                name: string;
                position: string | null;
            };
            proposedAt: string;
            approvedBy: {
                name: string;
                position: string | null;
            } | null;
            approvedAt: string | null;
            previousVersion: number | null;
            note: string | null;
            /** @description Once approved: the audit chain entry of the approval and that entry’s MAC (hex) */
            auditPosition?: {
                seq: number;
                hash: string;
            };
            entries: {
                /** @enum {string} */
                kind: "person" | "system";
                /** Format: uuid */
                staffId?: string;
                /** Format: uuid */
                keyId?: string;
                fullName: string;
                email: string;
                position: string | null;
                role: {
                    id: string;
                    name: string;
                };
                purposes: {
                    id: string;
                    number?: number;
                    title: string;
                }[];
                actions: string[];
                grantedFrom: string;
            }[];
        };
        /**
         * @example {
         *       "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *       "name": "ТОО «Курьер»",
         *       "kind": "processor",
         *       "country": "KZ",
         *       "contractRef": "Договор № 15 от 2026-01-10",
         *       "contractUntil": "2027-01-10",
         *       "contact": "privacy@courier.example.kz",
         *       "createdAt": "2026-03-20T09:30:00.000Z"
         *     }
         */
        Recipient: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "processor" | "third_party" | "authority";
            country: string;
            contractRef: string | null;
            contractUntil: string | null;
            contact: string | null;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            createdAt: string;
        };
        /**
         * @example {
         *       "disclosure": {
         *         "id": "5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c",
         *         "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *         "recipient": {
         *           "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *           "name": "ТОО «Курьер»",
         *           "kind": "processor",
         *           "country": "KZ"
         *         },
         *         "purposeId": "delivery",
         *         "fields": [
         *           "full_name",
         *           "phone"
         *         ],
         *         "ground": {
         *           "id": "contract_necessity",
         *           "kind": "contract"
         *         },
         *         "evidence": {
         *           "contractRef": "offer-2025-01"
         *         },
         *         "actor": "key:crm",
         *         "disclosedAt": "2026-03-20T09:30:00.000Z"
         *       },
         *       "values": []
         *     }
         */
        DisclosureMade: {
            disclosure: components["schemas"]["Disclosure"];
            values: {
                /** Format: uuid */
                id: string;
                field: string;
                value?: unknown;
                purposes: string[];
                legalBases: {
                    purpose: string;
                    type: string;
                    reference: string;
                    consentId?: string;
                    contractRef?: string;
                    retentionOption?: string;
                }[];
                source: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                collectedAt: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                updatedAt: string;
            }[];
        };
        Disclosure: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subjectId: string;
            recipient: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                kind: "processor" | "third_party" | "authority";
                country: string;
            };
            purposeId: string;
            fields: string[];
            ground: {
                id: string;
                kind: string;
            };
            /** @description What the ground rests on (no values) */
            evidence: {
                [key: string]: unknown;
            };
            actor: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            disclosedAt: string;
        };
        PublishedTestimonial: {
            id: string;
            fields: {
                [key: string]: unknown;
            };
            restrictions: {
                [key: string]: string[];
            };
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            publishedSince: string;
        };
        Paper: {
            /** @enum {string} */
            id: "order" | "regulation" | "data-list" | "access-list";
            title: {
                ru: string;
                kk: string;
            };
            formats: ("docx" | "pdf")[];
            langs: ("ru" | "kk")[];
            /** @description Languages whose DOCX template is the operator's own (AMANAT_TEMPLATES_DIR), not the shipped one */
            replacedTemplates: ("ru" | "kk")[];
        };
        /**
         * @example {
         *       "from": {
         *         "id": "2025-01",
         *         "publishedAt": "2025-01-15T04:00:00.000Z",
         *         "publishedOn": "2025-01-15",
         *         "registerSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
         *       },
         *       "to": {
         *         "id": "2026-02",
         *         "publishedAt": "2026-02-01T04:00:00.000Z",
         *         "publishedOn": "2026-02-01",
         *         "registerSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
         *       },
         *       "changes": [
         *         {
         *           "purposeId": "mailing",
         *           "area": "data_list",
         *           "kind": "added",
         *           "widens": true,
         *           "text": {
         *             "ru": "Цель 8: в перечень данных добавлено «ФИО»",
         *             "kk": "8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»",
         *             "en": "Purpose 8: data list adds «Full name»"
         *           },
         *           "after": "full_name"
         *         }
         *       ],
         *       "widenedPurposes": [
         *         "mailing"
         *       ]
         *     }
         */
        PolicyDiff: {
            from: components["schemas"]["PolicyVersionSummary"];
            to: components["schemas"]["PolicyVersionSummary"];
            changes: components["schemas"]["PolicyChange"][];
            widenedPurposes: string[];
        };
        PolicyVersionSummary: {
            id: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            publishedAt: string;
            /**
             * Format: date
             * @example 2026-02-01
             */
            publishedOn: string;
            registerSha256: string;
        };
        PolicyChange: {
            /** @description null: the operator or a register-wide section */
            purposeId: string | null;
            /** @example data_list */
            area: string;
            /** @enum {string} */
            kind: "added" | "removed" | "changed";
            /** @description The change widens what the subjects of this consent-based purpose agreed to: renew consents */
            widens: boolean;
            text: components["schemas"]["PolicyChangeText"];
            before?: unknown;
            after?: unknown;
        };
        /**
         * @example {
         *       "ru": "Цель 8: в перечень данных добавлено «ФИО»",
         *       "kk": "8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»",
         *       "en": "Purpose 8: data list adds «Full name»"
         *     }
         */
        PolicyChangeText: {
            ru: string;
            kk: string;
            en: string;
        };
        /**
         * @example {
         *       "version": {
         *         "id": "2026-02",
         *         "publishedAt": "2026-02-01T04:00:00.000Z",
         *         "publishedOn": "2026-02-01",
         *         "registerSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
         *       },
         *       "purposes": [
         *         {
         *           "purposeId": "mailing",
         *           "number": 8,
         *           "title": {
         *             "ru": "Осуществление информационных и рекламных рассылок"
         *           },
         *           "widenedSince": [
         *             {
         *               "version": "2025-01",
         *               "publishedOn": "2025-01-15",
         *               "changes": [
         *                 {
         *                   "ru": "Цель 8: в перечень данных добавлено «ФИО»",
         *                   "kk": "8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»",
         *                   "en": "Purpose 8: data list adds «Full name»"
         *                 }
         *               ]
         *             }
         *           ],
         *           "consents": 2,
         *           "byVersion": {
         *             "2025-01": 2
         *           }
         *         }
         *       ],
         *       "total": 2
         *     }
         */
        PolicyRenewals: {
            version: components["schemas"]["PolicyVersionSummary"];
            purposes: {
                purposeId: string;
                number: number | null;
                title: {
                    ru: string;
                    kk?: string;
                    en?: string;
                };
                widenedSince: {
                    version: string;
                    publishedOn: string;
                    changes: components["schemas"]["PolicyChangeText"][];
                }[];
                /** @description Consents in force given under those versions */
                consents: number;
                byVersion: {
                    [key: string]: number;
                };
            }[];
            total: number;
        };
        /**
         * @example {
         *       "version": {
         *         "id": "2026-02",
         *         "publishedAt": "2026-02-01T04:00:00.000Z",
         *         "publishedOn": "2026-02-01",
         *         "registerSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
         *       },
         *       "consents": [
         *         {
         *           "consentId": "5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01",
         *           "subjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *           "kind": "processing",
         *           "policyVersion": "2025-01",
         *           "grantedAt": "2025-03-20T09:30:00.000Z"
         *         }
         *       ],
         *       "next": null
         *     }
         */
        PolicyRenewalConsents: {
            version: components["schemas"]["PolicyVersionSummary"];
            consents: {
                /** Format: uuid */
                consentId: string;
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                kind: "processing" | "publication";
                policyVersion: string;
                /**
                 * Format: date-time
                 * @example 2026-03-20T09:30:00.000Z
                 */
                grantedAt: string;
            }[];
            /**
             * Format: uuid
             * @description Pass as `after` for the next page; null at the end
             */
            next: string | null;
        };
        /**
         * @example {
         *       "id": "2025-01",
         *       "publishedAt": "2026-03-20T04:30:00.000Z",
         *       "publishedOn": "2026-03-20",
         *       "registerSha256": "bef9284e1bc31b88adf664e4def6c7aaac5de2e9946fd7d191f60a935f39999c",
         *       "documents": [
         *         {
         *           "name": "policy.pdf",
         *           "lang": "kk",
         *           "mediaType": "application/pdf",
         *           "sha256": "4c0660a2ca9a18ea41da6e2c366f31d5ca7777a52024d1ace8862832fb8b085a",
         *           "url": "/policy/2025-01?lang=kk&format=pdf"
         *         }
         *       ]
         *     }
         */
        PolicyVersion: components["schemas"]["PolicyVersionSummary"] & {
            documents: components["schemas"]["PolicyDocument"][];
        };
        /**
         * @example {
         *       "name": "policy.pdf",
         *       "lang": "kk",
         *       "mediaType": "application/pdf",
         *       "sha256": "4c0660a2ca9a18ea41da6e2c366f31d5ca7777a52024d1ace8862832fb8b085a",
         *       "url": "/policy/2025-01?lang=kk&format=pdf"
         *     }
         */
        PolicyDocument: {
            /** @example policy.html */
            name: string;
            /** @enum {string} */
            lang: "ru" | "kk" | "en";
            mediaType: string;
            sha256: string;
            /** @description Where anyone reads it (no credentials) */
            url: string;
        };
        /**
         * @example {
         *       "status": "published",
         *       "message": "Опубликована редакция политики «2025-01» (2026-03-20), документов: 6. Published policy version \"2025-01\" (2026-03-20), 6 documents.",
         *       "version": {
         *         "id": "2025-01",
         *         "publishedAt": "2026-03-20T04:30:00.000Z",
         *         "publishedOn": "2026-03-20",
         *         "registerSha256": "bef9284e1bc31b88adf664e4def6c7aaac5de2e9946fd7d191f60a935f39999c",
         *         "documents": [
         *           {
         *             "name": "policy.pdf",
         *             "lang": "kk",
         *             "mediaType": "application/pdf",
         *             "sha256": "4c0660a2ca9a18ea41da6e2c366f31d5ca7777a52024d1ace8862832fb8b085a",
         *             "url": "/policy/2025-01?lang=kk&format=pdf"
         *           }
         *         ]
         *       }
         *     }
         */
        PolicyPublishResult: {
            /** @enum {string} */
            status: "published" | "unchanged";
            message: string;
            version: components["schemas"]["PolicyVersion"];
        };
        /**
         * @example {
         *       "requestsPerWeek": [
         *         {
         *           "week": "2026-03-16",
         *           "received": 4,
         *           "answered": 3,
         *           "onTime": 3
         *         }
         *       ],
         *       "consentsPerPurpose": [
         *         {
         *           "purposeId": "mailing",
         *           "granted": 120,
         *           "withdrawn": 7
         *         }
         *       ],
         *       "destroyedPerMonth": [
         *         {
         *           "month": "2026-03",
         *           "values": 42
         *         }
         *       ]
         *     }
         */
        Stats: {
            requestsPerWeek: {
                /**
                 * @description The Monday the week starts on
                 * @example 2026-03-16
                 */
                week: string;
                received: number;
                /** @description Answered or refused (a reasoned refusal is an answer) that week */
                answered: number;
                /** @description Of those answered, closed by their deadline */
                onTime: number;
            }[];
            consentsPerPurpose: {
                purposeId: string;
                /** @description Consents in force now */
                granted: number;
                /** @description Consents withdrawn */
                withdrawn: number;
            }[];
            destroyedPerMonth: {
                /** @example 2026-03 */
                month: string;
                /** @description Values destroyed by the sweeps finished that month */
                values: number;
            }[];
        };
        /**
         * @example {
         *       "mailPoller": {
         *         "configured": true,
         *         "lastPollAt": "2026-03-20T09:30:00.000Z",
         *         "lastError": null
         *       },
         *       "jobs": {
         *         "queued": 0,
         *         "failed": 0,
         *         "lastFailure": null
         *       },
         *       "nextSweepAt": "2026-03-20T21:30:00.000Z",
         *       "auditChain": {
         *         "ok": true,
         *         "entries": 5120,
         *         "checkedAt": "2026-03-20T09:31:00.000Z"
         *       }
         *     }
         */
        SystemStatus: {
            mailPoller: {
                /** @description IMAP_URL is set on this instance */
                configured: boolean;
                /** @description The last poll that finished (any instance) */
                lastPollAt: string | null;
                /** @description The last poll’s error, while no poll has succeeded since */
                lastError: string | null;
            };
            /** @description null: no scheduler has run on this store (JOBS=false on every instance) */
            jobs: {
                /** @description Jobs due and waiting for a worker */
                queued: number;
                /** @description Jobs failed in the last 7 days */
                failed: number;
                lastFailure: {
                    job: string;
                    at: string;
                    message: string;
                } | null;
            } | null;
            /** @description The next scheduled retention sweep; null when none is scheduled */
            nextSweepAt: string | null;
            auditChain: {
                ok: boolean;
                entries: number;
                /** @description When the chain was walked (reused for 10 minutes) */
                checkedAt: string;
            };
        };
        /**
         * @example {
         *       "operatorName": {
         *         "ru": "ИП Бекишев",
         *         "kk": "ЖК Бекишев",
         *         "en": "IE Bekishev"
         *       },
         *       "logoUrl": "/branding/logo",
         *       "primaryColor": "#1c7ed6"
         *     }
         */
        Branding: {
            operatorName: {
                ru: string;
                kk: string;
                en: string;
            };
            /** @description /branding/logo, or null without a logo */
            logoUrl: string | null;
            primaryColor: string;
        };
        /**
         * @example {
         *       "verification": "code_sent"
         *     }
         */
        SubjectCodeAnswer: {
            /**
             * @description code_sent: a code went to the contact (whether or not the operator knows it); manual: no e-mail or SMS is set up for this kind of contact, ask the operator
             * @enum {string}
             */
            verification: "code_sent" | "manual";
        };
        /**
         * @example {
         *       "email": "aigerim@example.kz",
         *       "lang": "ru"
         *     }
         */
        SubjectCodeRequest: {
            /** @description The e-mail (or give phone instead) */
            email?: string;
            /** @description The phone, e.g. +7 701 123 45 67 */
            phone?: string;
            /** @enum {string} */
            lang?: "ru" | "kk" | "en";
        };
        /**
         * @example {
         *       "email": "aigerim@example.kz",
         *       "code": "482913"
         *     }
         */
        SubjectCodeCheck: {
            /** @description The e-mail (or give phone instead) */
            email?: string;
            /** @description The phone, e.g. +7 701 123 45 67 */
            phone?: string;
            code: string;
        };
        SubjectConsent: {
            purposeId: string;
            purposeName: string;
            /** @enum {string} */
            kind: "processing" | "publication";
            /** @enum {string} */
            state: "granted" | "withdrawn";
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            grantedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-20T09:30:00.000Z
             */
            withdrawnAt: string | null;
            policyVersion: string;
            /** @description The consent form (GET /api/consent-forms/{formId}) */
            formId: string;
            /** @description The text the subject agreed to */
            text: string;
            /** @enum {string} */
            channel: "web" | "api" | "email" | "paper";
        };
        /**
         * @example {
         *       "obligationDueOn": "2026-04-03"
         *     }
         */
        SubjectConsentWithdrawn: {
            /**
             * Format: date
             * @description The operator stops the processing by this day (working days by the law or policy)
             */
            obligationDueOn: string;
        };
        /**
         * @example {
         *       "purposeId": "mailing"
         *     }
         */
        SubjectConsentWithdrawal: {
            purposeId: string;
            /**
             * @description Default processing
             * @enum {string}
             */
            kind?: "processing" | "publication";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @enum {string} */
                        store: "pglite" | "postgres";
                        register: {
                            operator: string;
                            policyVersion: string;
                            purposes: number;
                        };
                        /**
                         * @description Subject-key cache: own-process (embedded store), listening (hears destructions by other instances), reconnecting (not used until it hears them again), off
                         * @enum {string}
                         */
                        keyCache: "own-process" | "listening" | "reconnecting" | "off";
                    };
                };
            };
        };
    };
    getRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The register */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        source: string;
                        warnings: {
                            path: string;
                            message: string;
                        }[];
                        /** @description The register document as validated (schema: register.schema.json, `npm run register:json-schema`) */
                        register: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectIdentities"];
            };
        };
        responses: {
            /** @description The subject already existed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectEnsured"];
                };
            };
            /** @description A new subject was created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectEnsured"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookupSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "email",
                 *       "value": "aigerim@example.kz"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "email" | "phone" | "iin";
                    value: string;
                };
            };
        };
        responses: {
            /** @description Found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subject */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: string;
                        /**
                         * Format: date-time
                         * @example 2026-03-20T09:30:00.000Z
                         */
                        createdAt: string;
                        identities: {
                            kind: string;
                            /**
                             * Format: date-time
                             * @example 2026-03-20T09:30:00.000Z
                             */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readSubjectData: {
        parameters: {
            query: {
                /** @description The purpose the data is read for */
                purpose: string;
            };
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Values held for the purpose */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        subjectId: string;
                        purpose: string;
                        values: components["schemas"]["ReadValue"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    collectSubjectData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectData"];
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredValues"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    collectData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectForIdentity"];
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredValues"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubjectRecord: {
        parameters: {
            query: {
                reason: string;
            };
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Values by purpose */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        subjectId: string;
                        values: components["schemas"]["ReadValue"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Consents, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consents: components["schemas"]["ConsentRecord"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentGrant"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRecord"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subject id */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentWithdrawal"];
            };
        };
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentWithdrawn"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConsentForms: {
        parameters: {
            query?: {
                /** @description A published policy version; the newest by default */
                version?: string;
                /** @description Language of the forms */
                lang?: "ru" | "kk" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentFormList"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConsentForm: {
        parameters: {
            query?: {
                /** @description A published policy version; the newest by default */
                version?: string;
                /** @description Language of the forms */
                lang?: "ru" | "kk" | "en";
                /** @description text (default) or html */
                format?: "text" | "html";
            };
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form; the header x-consent-form-sha256 carries the SHA-256 of its plain text */
            200: {
                headers: {
                    "x-consent-form-sha256": string;
                    "x-policy-version": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                    "text/html": string;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWidgetConfig: {
        parameters: {
            query?: {
                /** @description ru (default), kk or en */
                lang?: "ru" | "kk" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetConfig"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordCookieConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CookieProof"];
                "text/plain": string;
            };
        };
        responses: {
            /** @description Accepted and written */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGpcSupport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description GPC support */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        gpc: true;
                        lastUpdate: string;
                    };
                };
            };
        };
    };
    listCookieConsents: {
        parameters: {
            query: {
                visitorId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proofs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proofs: components["schemas"]["CookieProofRecord"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCookieConsents: {
        parameters: {
            query: {
                from: string;
                to: string;
                format?: "csv" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proofs, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/json": components["schemas"]["CookieProofRecord"][];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkCookieVisitor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CookieVisitorLink"];
            };
        };
        responses: {
            /** @description Linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linked: number;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listObligations: {
        parameters: {
            query?: {
                status?: "open" | "fulfilled";
                subject_id?: string;
                due_on_or_before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Obligations, earliest due first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        obligations: components["schemas"]["Obligation"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeObligation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                obligationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    evidence: string;
                };
            };
        };
        responses: {
            /** @description The obligation, fulfilled (how: closed, with the evidence) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Obligation"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRetentionPlan: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (start of that day in the operator time zone) or an ISO 8601 instant with offset */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPlan"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runRetentionSweep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the sweep did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepResult"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRetentionRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runs: components["schemas"]["RetentionRun"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordRetentionEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionEvent"];
            };
        };
        responses: {
            /** @description Recorded; values rescheduled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionEventRecorded"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordSubjectActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description YYYY-MM-DD (start of that day in the operator time zone) or an ISO 8601 instant with offset
                     * @example 2026-03-20
                     */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "lastActivityAt": "2026-03-20T04:30:00.000Z",
                     *       "valuesRescheduled": 2
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2026-03-20T09:30:00.000Z
                         */
                        lastActivityAt: string;
                        valuesRescheduled: number;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declareLiquidation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @example 2026-03-20
                     */
                    date: string;
                };
            };
        };
        responses: {
            /** @description Declared; values rescheduled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2027-12-31",
                     *       "valuesRescheduled": 120
                     *     }
                     */
                    "application/json": {
                        /** Format: date */
                        date: string;
                        valuesRescheduled: number;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    placeLegalHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldInput"];
            };
        };
        responses: {
            /** @description Placed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLegalHolds: {
        parameters: {
            query?: {
                subject_id?: string;
                active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Holds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        holds: components["schemas"]["LegalHold"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    liftLegalHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Lifted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
                     *       "liftedAt": "2026-04-01T09:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * Format: date-time
                         * @example 2026-03-20T09:30:00.000Z
                         */
                        liftedAt: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDestructionActs: {
        parameters: {
            query?: {
                kind?: "sweep" | "request" | "paper";
                request_id?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Acts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acts: components["schemas"]["DestructionAct"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordPaperDestruction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaperDestruction"];
            };
        };
        responses: {
            /** @description The act */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestructionActDocument"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestructionAct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The act's number (as quoted in letters, e.g. 17) or its UUID */
                actId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The act */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestructionAct"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestructionActPdf: {
        parameters: {
            query?: {
                /** @description The act’s language: ru (default) or kk */
                lang?: "ru" | "kk";
            };
            header?: never;
            path: {
                /** @description The act's number (as quoted in letters, e.g. 17) or its UUID */
                actId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestructionActLog: {
        parameters: {
            query?: {
                after_seq?: number | null;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The act's number (as quoted in letters, e.g. 17) or its UUID */
                actId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestructionLogPage"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRequests: {
        parameters: {
            query?: {
                status?: "received" | "verifying" | "in_progress" | "answered" | "refused";
                open?: "true" | "false";
                /** @description Open requests due on or before this date */
                due_by?: string;
                overdue?: "true" | "false";
                subject_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Earliest due first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: components["schemas"]["SubjectRequest"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectRequestSubmission"];
            };
        };
        responses: {
            /** @description A duplicate of an open request: linked to it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedRequest"];
                };
            };
            /** @description Received; the due date is counted on the working-day calendar */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRequestDigest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The digest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDigest"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequestDetails"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRequestHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequestHistory"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    classifyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision";
                    scope?: {
                        purposes?: string[];
                        fields?: string[];
                    };
                    /** @description Further requests the same message makes (each linked to the kept message), e.g. access and destruction */
                    also?: {
                        /** @enum {string} */
                        type: "information" | "access" | "rectification" | "blocking" | "unblocking" | "destruction" | "consent_withdrawal" | "objection_automated_decision";
                        scope?: {
                            purposes?: string[];
                            fields?: string[];
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassifiedRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    assignRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assignee: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startRequestEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerificationStarted"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyRequestManually: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    how: "in_person" | "signed_letter" | "digital_signature" | "video_call" | "known_contact";
                    /** @description No document numbers or copies */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyRequestCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Gone: the code or link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    extendRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    executeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answer?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestExecuted"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refuseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    rule?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRequestReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessReport"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRequestLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The letter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendRequestAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestAnswerSent"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordRequestDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's number (as quoted in letters, e.g. 17) or its UUID */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "email" | "post" | "hand" | "courier" | "other";
                    /**
                     * Format: date
                     * @description When it was sent (default: today)
                     * @example 2026-03-20
                     */
                    date?: string;
                    /** @description E.g. a tracking number; not the address */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRequest"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitPublicRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicSubjectRequest"];
            };
        };
        responses: {
            /** @description Received. The same answer whether or not the contact already has an open request of this type */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRequestReceipt"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renewPublicRequestCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicCodeRenewalRequest"];
            };
        };
        responses: {
            /** @description Accepted; any new code goes to the e-mail */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCodeRenewal"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyPublicRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Request id */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRequestVerified"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublicRequestStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicStatusToken"];
            };
        };
        responses: {
            /** @description The request by its number, dates, state and steps */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRequestStatus"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublicRequestLetter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicStatusToken"];
            };
        };
        responses: {
            /** @description The letter, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example %PDF-1.7 … */
                    "application/pdf": string;
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublicRequestExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicStatusToken"];
            };
        };
        responses: {
            /** @description The access report (schema amanat.access-report/1), as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schema": "amanat.access-report/1",
                     *       "generatedAt": "2026-03-27T06:00:00.000Z",
                     *       "language": "ru",
                     *       "request": {
                     *         "id": "3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b",
                     *         "number": 12,
                     *         "type": "access",
                     *         "receivedAt": "2026-03-20T05:00:00.000Z",
                     *         "dueDate": "2026-03-30"
                     *       },
                     *       "operator": {
                     *         "name": "ИП Бекишев Берик Серикович",
                     *         "binIin": "123456789012",
                     *         "address": "г. Алматы",
                     *         "email": "privacy@nextbot.kz",
                     *         "responsiblePerson": {
                     *           "name": "Бекишев Б. С.",
                     *           "email": "privacy@nextbot.kz"
                     *         }
                     *       },
                     *       "noDataHeld": false,
                     *       "subject": {
                     *         "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     *         "status": "active",
                     *         "identities": [
                     *           {
                     *             "kind": "email",
                     *             "value": "aigerim@example.kz"
                     *           }
                     *         ]
                     *       },
                     *       "purposes": [],
                     *       "consents": []
                     *     }
                     */
                    "application/json": components["schemas"]["AccessReport"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestMail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example From: aigerim@example.kz
                 *     To: privacy@example.kz
                 *     Subject: Отзыв согласия на обработку персональных данных
                 *
                 *     Прошу прекратить рассылку.
                 */
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description Kept; the request it became, or why it became none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageId": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                     *       "classification": "unclassified",
                     *       "droppedAttachments": []
                     *     }
                     */
                    "application/json": components["schemas"]["MailIngestResult"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pollMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was read and what each message became */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailPollResult"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict (ok false names the entry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        entries: number;
                        headSeq?: number;
                        seq?: number;
                        problem?: string;
                        message?: string;
                        /** @description The last position anchored outside the data store, when the chain falls short of it */
                        anchoredSeq?: number;
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default [] */
                    scopes?: ("subjects:read" | "subjects:write" | "data:read" | "data:write" | "consents:read" | "consents:write" | "obligations:read" | "obligations:write" | "requests:submit" | "requests:read" | "requests:write" | "retention:read" | "retention:write" | "audit:read" | "register:read" | "keys:manage" | "data:rectify" | "data:block" | "data:destroy" | "data:export" | "register:edit" | "staff:manage" | "disclosures:read" | "disclosures:write")[];
                    role?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e",
                     *       "name": "website-backend",
                     *       "scopes": [
                     *         "subjects:write",
                     *         "data:write",
                     *         "consents:write"
                     *       ],
                     *       "role": null,
                     *       "token": "amk_1a2b3c4d_…"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        scopes: string[];
                        role: string | null;
                        /** @description amk_…: shown once, keep it secret */
                        token: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    totp?: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "staff": {
                     *         "id": "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a",
                     *         "email": "dpo@example.kz",
                     *         "fullName": "Сапарова Айгерим",
                     *         "position": "Ответственный за организацию обработки ПД",
                     *         "isAdmin": false,
                     *         "isHead": false,
                     *         "status": "active",
                     *         "totpEnabled": true
                     *       },
                     *       "csrfToken": "q3Vx…",
                     *       "expiresAt": "2026-03-20T17:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        staff: components["schemas"]["StaffAccount"];
                        csrfToken: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Account locked after repeated failures */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffAccount"];
                        roleId: string | null;
                        purposes: string[];
                        actions: string[];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setUpTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description Secret (shown once) to add to an authenticator app */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "JBSWY3DPEHPK3PXP",
                     *       "url": "otpauth://totp/Amanat:dpo%40example.kz?secret=JBSWY3DPEHPK3PXP&issuer=Amanat"
                     *     }
                     */
                    "application/json": {
                        secret: string;
                        url: string;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Account locked after repeated failures */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Enabled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description If the e-mail is a staff member’s, a link was sent */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "sent_if_known"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "sent_if_known";
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A service the route needs is not configured or not available (mail, mailbox) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Gone: the code or link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffAccount"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    fullName: string;
                    position?: string;
                    isAdmin?: boolean;
                    isHead?: boolean;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Roles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roles: components["schemas"]["Role"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                    purposes: string[];
                    fields?: {
                        [key: string]: string[];
                    };
                    actions: ("subjects:read" | "subjects:write" | "data:read" | "data:write" | "consents:read" | "consents:write" | "obligations:read" | "obligations:write" | "requests:submit" | "requests:read" | "requests:write" | "retention:read" | "retention:write" | "audit:read" | "register:read" | "keys:manage" | "data:rectify" | "data:block" | "data:destroy" | "data:export" | "register:edit" | "staff:manage" | "disclosures:read" | "disclosures:write")[];
                };
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: {
                        name: string;
                        description?: string | null;
                        purposes: string[];
                        fields?: {
                            [key: string]: string[];
                        };
                        actions: ("subjects:read" | "subjects:write" | "data:read" | "data:write" | "consents:read" | "consents:write" | "obligations:read" | "obligations:write" | "requests:submit" | "requests:read" | "requests:write" | "retention:read" | "retention:write" | "audit:read" | "register:read" | "keys:manage" | "data:rectify" | "data:block" | "data:destroy" | "data:export" | "register:edit" | "staff:manage" | "disclosures:read" | "disclosures:write")[];
                        id: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Which roles were created, updated, or already stood as given */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolesLoaded"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAccessListVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        current: string | null;
                        versions: components["schemas"]["AccessListVersion"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    proposeAccessList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "entries": [
                 *         {
                 *           "staffId": "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a",
                 *           "roleId": "support",
                 *           "grantedFrom": "2026-04-01"
                 *         }
                 *       ],
                 *       "note": "Новый сотрудник поддержки"
                 *     }
                 */
                "application/json": {
                    entries: {
                        /** Format: uuid */
                        staffId?: string;
                        /** Format: uuid */
                        keyId?: string;
                        roleId: string;
                        grantedFrom: string;
                    }[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Proposed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b",
                     *       "version": 4
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                    };
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAccessListVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessListDocument"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAccessListPdf: {
        parameters: {
            query?: {
                /** @description The language of the paper: ru (default) or kk */
                lang?: "ru" | "kk";
            };
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    approveAccessList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessListDocument"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rejectAccessList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "Роль указана неверно"
                 *     }
                 */
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessListDocument"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recipients */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recipients: components["schemas"]["Recipient"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRecipient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "processor" | "third_party" | "authority";
                    country: string;
                    contractRef?: string;
                    contractUntil?: string;
                    contact?: string;
                };
            };
        };
        responses: {
            /** @description Saved */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recipient"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDisclosures: {
        parameters: {
            query?: {
                subjectId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disclosures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disclosures: components["schemas"]["Disclosure"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    discloseData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    subjectId: string;
                    /** Format: uuid */
                    recipientId: string;
                    purpose: string;
                    fields: string[];
                    ground: string;
                    /** Format: uuid */
                    requestId?: string;
                    authorityRequest?: {
                        authority: string;
                        number: string;
                        date: string;
                        /** Format: uuid */
                        representativeSubjectId: string;
                    };
                    contractRef?: string;
                    justification?: string;
                };
            };
        };
        responses: {
            /** @description Disclosed and logged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisclosureMade"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublishedTestimonials: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["PublishedTestimonial"][];
                    };
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPapers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The papers, with their formats and languages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "papers": [
                     *         {
                     *           "id": "order",
                     *           "title": {
                     *             "ru": "Приказ о назначении ответственного за организацию обработки персональных данных",
                     *             "kk": "Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаны тағайындау туралы бұйрық"
                     *           },
                     *           "formats": [
                     *             "docx",
                     *             "pdf"
                     *           ],
                     *           "langs": [
                     *             "ru",
                     *             "kk"
                     *           ],
                     *           "replacedTemplates": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        papers: components["schemas"]["Paper"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPaper: {
        parameters: {
            query?: {
                format?: "docx" | "pdf";
                lang?: "ru" | "kk";
            };
            header?: never;
            path: {
                paper: "order" | "regulation" | "data-list" | "access-list";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paper (Content-Disposition: attachment; filename="<paper>.<lang>.<format>") */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/pdf": string;
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    diffPolicyVersions: {
        parameters: {
            query: {
                /** @description The older version */
                from: string;
                /** @description The newer version */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes, operator first, then by purpose number */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDiff"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicyRenewals: {
        parameters: {
            query?: {
                /** @description The version in force to compare with (default: the latest published) */
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per purpose, in the order of the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyRenewals"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicyRenewalConsents: {
        parameters: {
            query?: {
                /** @description The version in force to compare with (default: the latest published) */
                version?: string;
                limit?: number;
                /** @description The `next` of the previous page */
                after?: string;
            };
            header?: never;
            path: {
                purposeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, by consent id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyRenewalConsents"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublicPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: (components["schemas"]["PolicyVersionSummary"] & unknown)[];
                    };
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: (components["schemas"]["PolicyVersionSummary"] & unknown)[];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Published, or unchanged since the latest version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPublishResult"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description How many weeks back, this one included (1–104) */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSystemStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemStatus"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBranding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The branding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Branding"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestSubjectCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectCodeRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectCodeAnswer"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifySubjectCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectCodeCheck"];
            };
        };
        responses: {
            /** @description Verified; the cookies are set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubjectConsents: {
        parameters: {
            query?: {
                /** @description Purpose names in (ru) */
                lang?: "ru" | "kk" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; empty when the verified contact names no subject */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consents: components["schemas"]["SubjectConsent"][];
                    };
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawSubjectConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectConsentWithdrawal"];
            };
        };
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectConsentWithdrawn"];
                };
            };
            /** @description The body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or an unknown, revoked or expired API key or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller lacks the permission (scope), the purpose, or the CSRF header this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the limit (1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input, with the field and what was expected */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOutSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; the Retry-After header says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
