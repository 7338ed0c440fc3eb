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
  /**
   * The call records of today (DescribeTelCdr), for the counts TCCC's metrics do not give: per skill group the
   * calls answered and abandoned, for the agent the calls handled. tccc.md names the action, its 180-day/90-day
   * range limits, `PageSize` ≤ 100 and the `Phones`/`SessionIds` filters; every field name below is the official
   * SDK's (`DescribeTelCdrRequest`, `DescribeTelCdrResponse`, `TelCdrInfo` in its type declarations), every
   * meaning beyond its one-line descriptions is a guess.
   */
  records: Object.freeze({
    /** The request: Unix SECONDS (the SDK's declarations say so), `PageNumber` from 0 (so do they). */
    start: 'StartTimeStamp',
    end: 'EndTimeStamp',
    pageSize: 'PageSize',
    pageNumber: 'PageNumber',
    /** At most 100 records a page (tccc.md). */
    maxPageSize: 100,
    /** The answer: the records (`TelCdrList`; `TelCdrs` is the deprecated name, read when the other is absent) and how many there are in all. */
    list: 'TelCdrList',
    oldList: 'TelCdrs',
    total: 'TotalCount',
    /** A record: its session (to count it once across pages and refreshes). */
    session: 'SessionId',
    /** `Direction`: 0 inbound, 1 outbound (the SDK's declarations). */
    direction: 'Direction',
    inbound: 0,
    /**
     * The skill group a call waited in: `QueuedSkillGroupId`, else `SkillGroupId` (the group of the agent who took
     * it). Which of the two a supervisor calls "the queue" of a transferred call is a guess.
     */
    queuedGroup: 'QueuedSkillGroupId',
    group: 'SkillGroupId',
    /** `EndStatus`: 1 `ok` is a call that was connected (answered); the SDK's declarations list the codes. */
    endStatus: 'EndStatus',
    answered: Object.freeze([1] as const),
    /**
     * Abandoned: the caller gave up while queued (103 `waitingGiveUp`) or while an agent's phone rang (104
     * `ringingGiveUp`). Giving up in the IVR (102) is before any queue and counted for none. Our choice.
     */
    abandoned: Object.freeze([103, 104] as const),
    /**
     * The agent who served the call: `SeatUser.Mail`, matched against the same account as the staff metrics
     * (`StaffList`, the SdkURL route's `SeatUserId`). A call transferred between agents counts for the one the
     * record names (`ServeParticipants` would list every agent; not read).
     */
    seat: 'SeatUser',
    seatAccount: 'Mail',
    /**
     * A record appears once its call has ended, and the time range filters on when the call STARTED (`Time`): so
     * each refresh reads again this far back (seconds) from the last one, to count calls that started before it
     * and ended since. Calls longer than this are missed. Both the filter's meaning and the margin are guesses.
     */
    lookbackSeconds: 2 * 60 * 60,
  }),
  /** Tencent's error codes read as a rate limit (answered as `stale.reason: 'rate-limited'`): Tencent's common code. */
  rateLimitCodes: Object.freeze(['RequestLimitExceeded'] as const),
});
