/**
 * Every choice the loopback Webex cloud (./server.mjs) makes where neither the SDK's own code nor
 * ../../../shared/webex-sdk.md says what the real service does, in one place. When the real service shows
 * otherwise, change it here and the double follows.
 */
export const GUESSES = Object.freeze({
  /** How the service names who changed the agent's state, itself included (a RONA): `changedBy: 'system'`. */
  changedBy: (by, agentId) => (by === agentId ? 'agent' : by === 'system' ? 'system' : 'supervisor'),
  /** Call-associated data (CAD variables) as `interaction.callAssociatedData` (webex-sdk.md #16), one variable per field. */
  callAssociatedData: (customer) => ({
    accountNumber: { name: 'accountNumber', value: customer.account, type: 'STRING', agentEditable: false, displayName: 'Account' },
  }),
  /** The reason of a ring-out (`AgentOfferContactRona`); webex-sdk.md #16 lists RONA reasons as unverified. */
  rona: Object.freeze({ reason: 'USER_NOT_ANSWERED', reasonCode: 156 }),
  /**
   * While a queue consult waits for a queue agent (webex-sdk.md #4), the main call is held and nothing else is
   * sent; the real service may send other messages meanwhile.
   */
  queueConsultWaiting: Object.freeze({ holdsMainCall: true }),
  /** Cancelling (with its queue id) a queue consult a queue agent has already taken is refused so. */
  cancelTakenQueueConsult: Object.freeze({ type: 'AgentCtqCancelFailed', reason: 'CONSULT_ALREADY_ACCEPTED', reasonCode: 1134 }),
  /** Ending, without its queue id, a queue consult no queue agent has taken is refused so. */
  endWaitingQueueConsult: Object.freeze({ type: 'AgentConsultEndFailed', reason: 'CONSULT_NOT_FOUND', reasonCode: 1134 }),
  /**
   * A refusal's outcome carries the contact, `reason` (a code such as HOLD_NOT_ALLOWED_ON_QUEUE, or a sentence)
   * and this numeric `reasonCode`; the exact wording of the real service's reasons is not known.
   */
  refusalReasonCode: 1134,
  /** After a relogin the service sends every open contact again as `AgentContact`, so a desk that reconnects learns what happened meanwhile. */
  contactsAgainAfterRelogin: true,
  /**
   * The buddy list is asked for one media type and lists the agents available for it; which media each agent
   * takes is the double's choice (Sam everything, Inés calls only).
   */
  buddyMedia: Object.freeze({ 'agent-sam': ['telephony', 'chat', 'email', 'social'], 'agent-ines': ['telephony'] }),
  /**
   * Agent Desktop signing in while this page is signed in closes the page's session
   * (`AGENT_MULTI_LOGIN` / `AgentMultiLoginCloseSession`) unless the page subscribed with `allowMultiLogin`.
   */
  desktopMultiLogin: Object.freeze({ closesPage: (pageAllowsMultiLogin) => pageAllowsMultiLogin !== true }),
  /**
   * Conferences (the SDK's consultConference, exitConference, transferConference; webex-sdk.md #15). The SDK
   * says which messages end each request (AgentConsultConferenced, ParticipantLeftConference,
   * AgentConferenceTransferred and their *Failed kinds) and how it tells a conference (two agents or more on
   * the customer's leg); these are the double's choices for the rest, all guesses:
   * - `started`: the interaction's state becomes `conference` and the contact says `isConferencing`;
   * - `left`: an agent who leaves (or hands over) a conference is marked `hasLeft` and owes a wrap-up, and the
   *   service says so with `AgentWrapup` right after `ParticipantLeftConference` (webex-js-sdk#5217 suggests
   *   wrap-up after a conference exit is fragile on the real service);
   * - `ended`: when the consulted agent hangs up, the state goes back to `connected`.
   */
  conference: Object.freeze({
    started: Object.freeze({ interaction: Object.freeze({ state: 'conference' }), contact: Object.freeze({ isConferencing: true }) }),
    left: Object.freeze({ wrapup: true }),
    ended: Object.freeze({ interaction: Object.freeze({ state: 'connected' }) }),
  }),
  /** The notification service answers each keepalive with one of its own (the SDK only needs a frame at least every 8 s). */
  answersKeepalive: true,
  /**
   * A socket that opened while the service was silent (the cloud's `silent`, a stalled service) gets its Welcome
   * once the service speaks again, as a stalled connection would deliver it late; the SDK's `register()` waits for
   * that Welcome with no time limit of its own (WebSocketManager.initWebSocket).
   */
  welcomeAfterSilence: true,
  /**
   * OAuth token lifetimes, in seconds: webex-rest.md's sources disagree (14 days / 90 days in an example, "12 hours
   * / 60 days" in prose); the double takes the prose.
   */
  oauthLifetimes: Object.freeze({ expiresIn: 43_200, refreshExpiresIn: 5_184_000 }),
  /**
   * The reporting APIs. The field names of their answers are the server companion's guesses
   * (server/webex-reporting-guesses.ts, `WEBEX_REPORTING_GUESSES`), written here again ON PURPOSE rather than
   * imported: this file stands for the real service, the companion's for what the adapter reads. Were the double to
   * import the adapter's names, any change to them (a typo, a rename on one side) would pass every test, the double
   * following the adapter. With two copies, a real org that answers otherwise is written here first, and
   * test/node/webex-local.test.mjs (which compares the two lists) fails until the adapter reads the same.
   */
  reporting: Object.freeze({
    /** A contact ringing the agent is listed by `GET /v1/tasks` as `offered` (webex-rest.md lists the status). */
    ringingStatus: 'offered',
    /** A contact that rang out is not followed further by the double: it is listed as `abandoned` and counted so. */
    afterRona: 'abandoned',
    fields: Object.freeze({
      queueStatistics: Object.freeze({ queueId: 'queueId', queueName: 'queueName', accepted: 'totalAcceptedTasks', abandoned: 'totalAbandonedTasks' }),
      agentStatistics: Object.freeze({
        agentId: 'agentId',
        agentName: 'agentName',
        availableMs: 'totalAvailableTime',
        unavailableMs: 'totalUnavailableTime',
        channels: 'channel',
        accepted: 'totalAcceptedTasks',
        rejected: 'totalRejectedTasks',
        engagedMs: 'totalEngagedDuration',
        holdMs: 'totalHoldDuration',
        wrapUpMs: 'totalWrapUpDuration',
      }),
    }),
  }),
  /**
   * Entry points carry their channel as `channelType` (as queues do); the SDK's `EntryPointRecord` type has no
   * channel at all. A consult to an entry point is created at once (`AgentConsultCreated`), as one to an agent.
   */
  entryPointChannel: 'channelType',
  /**
   * The contact of an outbound call (`startOutdial`): the customer's number as `dnis`, the number shown (the
   * outdial ANI, `origin`) as `ani`, `outboundType: 'OUTDIAL'`, no customer name; reserved, then offered, as an inbound contact is.
   */
  outdialContact: (body) => Object.freeze({ ani: body.origin, dnis: body.destination, outboundType: 'OUTDIAL', customerName: null }),
  /**
   * A campaign's preview contact: the customer's number as `dnis`, `outboundType: 'CAMPAIGN'`, the customer's name
   * kept. Accepting it keeps the same interaction id by default; see `previewAccepted` for the real dialer's way.
   * Its campaign is `interaction.callProcessingDetails.campaignId` (the campaign's name, as the SDK's own example
   * reads it). A refused accept, `CampaignPreviewAcceptFailed`, carries `campaignId` at its top level: the SDK
   * binds the failure on it; its `reason` is a code, as other refusals' are.
   */
  previewContact: () => Object.freeze({ ani: '+18005550100', dnis: '+14155550142', outboundType: 'CAMPAIGN' }),
  /**
   * An accepted preview as the real dialer answers it (the cloud's `preview(campaign, {newInteraction: true})`).
   * Known from the SDK's source: acceptPreviewContact (services/task/dialer.ts) succeeds on AgentContactAssigned
   * whose `reservationInteractionId` is the preview's id, and TaskManager.ts re-keys its task when that message's
   * `interactionId` is another: the placed call is a new interaction. Guessed here:
   * - `updatedFirst`: a CampaignContactUpdated under the preview's id comes first (TaskManager.ts calls it "an
   *   intermediate update during accept" and only updates the task's data);
   * - the new interaction's fields: its own id as `interactionId`, `mediaResourceId` and main call leg, a new
   *   `createdTimestamp`; the customer, the numbers and `callProcessingDetails.campaignId` as in the preview;
   * - nothing else is sent under the new id before AgentContactAssigned (an offer under it would make the SDK
   *   create a second task, which TaskManager's fallback to `reservationInteractionId` would not need).
   */
  previewAccepted: Object.freeze({ updatedFirst: true }),
});
