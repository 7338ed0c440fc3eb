// GUESSES. Every name the companion reads from Webex's reporting answers that webex-rest.md does not give, in one
// place. webex-rest.md §6 says what the statistics APIs return ("per interval/queue/channel: offered, accepted,
// abandoned…", "per agent per channel: …available/unavailable durations…") but not under which field names; the
// names below come from a third-party client's model of the WxCC OpenAPI document, not from Cisco's reference.
// When a real org answers otherwise, change them here (the companion, webex-reporting.ts, follows) and in the
// loopback Webex cloud's own copy (test/webex-cloud/guesses.mjs, which stands for the real service, so it keeps
// its own names on purpose; test/node/webex-local.test.mjs fails while the two differ).

/** The field names (and meanings) the companion reads from `GET /v1/queues/statistics` and `/v1/agents/statistics` rows, and from `GET /v1/tasks`. */
export const WEBEX_REPORTING_GUESSES = Object.freeze({
  /** A row of `/v1/queues/statistics`: the queue and its counts over the row's interval. */
  queueStatistics: Object.freeze({
    queueId: 'queueId',
    queueName: 'queueName',
    accepted: 'totalAcceptedTasks',
    abandoned: 'totalAbandonedTasks',
  }),
  /**
   * A row of `/v1/agents/statistics`: the agent, their time Available and not, and per channel (`channels`, a list)
   * the tasks accepted and rejected (rung out) and the time engaged, on hold and wrapping up. Durations in
   * milliseconds (also a guess).
   */
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
  /**
   * A task of `GET /v1/tasks` (webex-rest.md names its `status`, owner, queue, origin, direction, timestamps and
   * `captureRequested`, not the fields' names): `attributes.<field>`, the queue and owner as `{id, name}`.
   */
  task: Object.freeze({
    status: 'status',
    createdAt: 'createdTime',
    updatedAt: 'lastUpdatedTime',
    queue: 'queue',
    owner: 'owner',
    channelType: 'channelType',
    direction: 'direction',
    origin: 'origin',
    captureRequested: 'captureRequested',
  }),
  /**
   * The task statuses that count as a contact waiting in its queue: `queued`, and `offered` (ringing an agent who
   * has not answered yet: the customer is still waiting). The status list is webex-rest.md's; counting `offered`
   * as waiting is our choice.
   */
  waitingStatuses: Object.freeze(['queued', 'offered'] as const),
});
