// GUESSES. What the TCCC statistics (tccc-stats.ts) read from DescribeCallInMetrics and DescribeStaffStatusMetrics
// beyond what ../shared/tccc.md gives, in one place. tccc.md names the actions, their filters (`GroupIdList`,
// `StaffList`, `EnabledSkillGroup`), `SkillGroupMetrics[{SkillGroupId, Name, Metrics}]` with `QueueCount`,
// `AcceptCount`, and per agent `Status` (free, busy, rest, notReady, afterCallWork, offline) and "today's
// durations (online/free/busy/notReady/rest/afterCallWork)". It does not give the durations' field names, the
// maximum queue time's field name, the units, or how an agent is named in `StaffList` and in the answer. The
// field names below are those of the official SDK's type declarations (tencentcloud-sdk-nodejs,
// services/ccc/v20200210/ccc_models.d.ts), which say nothing of units either. When a real account answers
// otherwise, change them here.

export const TCCC_STATS_GUESSES = Object.freeze({
  /** A skill group's `Metrics` (`CallInMetrics` in the SDK's declarations). */
  callIn: Object.freeze({
    /** Calls waiting in the skill group's queue now (tccc.md). */
    waiting: 'QueueCount',
    /**
     * The longest wait of a call in the queue now. The name is the SDK's; that it is in SECONDS, and that it is
     * the wait of calls still waiting (not the longest of the day), is a guess.
     */
    longestWait: 'MaxQueueDuration',
    /**
     * Calls connected now (`AcceptCount`, "接通中数量", in the SDK's declarations: a live count, not a count of the
     * day's answered calls): reported as the agents talking on the skill group's calls, one agent per call.
     */
    talking: 'AcceptCount',
  }),
  /** The unit of MaxQueueDuration and of the staff durations, in milliseconds per unit (guess: seconds). */
  durationUnitMs: 1000,
  /** A `DescribeStaffStatusMetrics` row (`StaffStatusMetrics` in the SDK's declarations). */
  staff: Object.freeze({
    /**
     * The agent's account in the answer: `Email`. That `StaffList` takes the same account the SdkURL route uses as
     * `SeatUserId` (usually the e-mail), and that rows are matched on it, is a guess.
     */
    account: 'Email',
    status: 'Status',
    /** Today's durations, field names from the SDK's declarations (tccc.md names them in words only). */
    freeDuration: 'FreeDuration',
    notReadyDuration: 'NotReadyDuration',
    restDuration: 'RestDuration',
    afterCallWorkDuration: 'AfterCallWorkDuration',
  }),
  /**
   * The kit's states the TCCC durations count into: free → Available; notReady and rest (both "not taking calls
   * by the agent's choice") → Idle; afterCallWork → AfterCall. busy (on a call) and online have no state of their
   * own in the kit and are not counted. The mapping is our choice.
   */
  stateOf: Object.freeze({ freeDuration: 'Available', notReadyDuration: 'Idle', restDuration: 'Idle', afterCallWorkDuration: 'AfterCall' } as const),
  /** Tencent's error codes read as a rate limit (answered as `stale.reason: 'rate-limited'`): Tencent's common code. */
  rateLimitCodes: Object.freeze(['RequestLimitExceeded'] as const),
});
