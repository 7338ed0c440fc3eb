/**
 * Every choice the TCCC double makes where ../../../shared/tccc.md marks a GUESS (or says nothing), in one place.
 * Each line says what tccc.md says and what the double does. When a real tenant shows otherwise, change it here
 * and the double follows; the backend's own tests say which of these it relies on.
 */
export const GUESSES = Object.freeze({
  /** tccc.md §2 (T1): an SdkURL is valid ten minutes and used once. The double's lifetime, in seconds. */
  sdkUrlSeconds: 600,
  /**
   * tccc.md §3 gives `tokenExpired` only for a token "already expired at init"; it says nothing of a URL used
   * twice. The double answers a used URL the same way, with `tokenExpired`, and says which in `message`.
   */
  usedUrlMessage: 'The token has already been used.',
  expiredUrlMessage: 'The token has expired.',
  /**
   * tccc.md §7: payloads are flat in the events reference, but the "Answer" guide reads `response.data.sessionId`
   * (T5). The double's default wraps every event payload under `data`; a site made with `{wrap: 'flat'}` sends
   * them flat. The backend must read both.
   */
  wrap: 'data',
  /**
   * tccc.md §4: methods resolve or reject with `{status, errorMsg?}` and data under `res.data`. The double
   * resolves `{status: 'success', data}` and rejects `{status: 'error', errorMsg}` (a rejected promise, not a
   * resolved error).
   */
  rejectsOnError: true,
  /**
   * tccc.md §5: `tccc.Agent.online()` / `offline()` are listed as returning nothing (void). The double returns a
   * CommonSDKResponse promise like the other methods (so a refusal can be scripted); the backend waits for the
   * `statusChanged` that follows either way.
   */
  onlineReturnsPromise: true,
  /** tccc.md says nothing of the status an agent has right after `online()`: the double puts it in `notReady`. */
  statusAfterOnline: 'notReady',
  /** tccc.md says nothing of the status before `online()` (after `ready`): the double says `offline`. */
  statusAtReady: 'offline',
  /**
   * tccc.md §5: `setStatus` takes `free` from any state (the double does not insist on `stopNotReady` to leave
   * `notReady`; `stopNotReady` is taken too and means `free`).
   */
  freeFromAnyStatus: true,
  /**
   * tccc.md §5/§8: after a connected call ends the SDK puts the agent in `arrange` (after-call work, an
   * admin-configured timer), and `setStatus({status: 'free'})` ends it early (GUESS in tccc.md). The double's
   * timer, in seconds (long: tests end it with a script step, `arrangeEnds`).
   */
  arrangeSeconds: 120,
  /** tccc.md says nothing of the status when after-call work ends: the double goes back to `free`. */
  statusAfterArrange: 'free',
  /** The double puts the agent in `busy` while it is on a call (tccc.md §5: "busy — on a call (system-set)"). */
  busyOnCall: true,
  /**
   * tccc.md §6: there is no reject method; GUESS: `hungUp` on a ringing session declines it. The double ends the
   * offer with `sessionEnded` `closeBy: 'seat'`.
   */
  hungUpDeclinesRinging: true,
  /**
   * tccc.md §6: `accept` is answered, then `userAccessed` says the agent is connected. The double answers the
   * promise first and sends `userAccessed` right after.
   */
  acceptThenUserAccessed: true,
  /**
   * tccc.md §6 (T3b): hold and unHold have no event of their own; the promise is all the desk hears. Same for
   * muteMic and unmuteMic (and `isMicMuted()` is synchronous).
   */
  holdHasNoEvent: true,
  /**
   * tccc.md §7: `transfer` says the transfer completed; nothing says what the transferring agent's session does
   * then. The double answers the promise when it takes the request, then sends `transfer` and a `sessionEnded`
   * with `closeBy: 'seat'`, and puts the agent in `arrange` as for any ended call.
   */
  transferEndsSession: true,
  /** tccc.md §6: `startOutboundCall` resolves with `data.sessionId`; `callOuted` follows, `calloutAccepted` when answered. */
  outboundResolvesFirst: true,
  /** tccc.md §7: `sessionEnded` carries `closeBy` (client, seat, admin, timer) and, in the older doc, `duration`. */
  sessionEndedFields: ['sessionId', 'closeBy', 'type', 'duration'],
  /**
   * tccc.md §3: the SDK adds `<t3c-sdk id="tcccSdkDomRoot">` to the body, or renders inside the element named by
   * the script's `data-render-dom-id` (T1). The double draws a floating button and a workbench there.
   */
  domRootTag: 't3c-sdk',
  /** tccc.md §10.2: a second injection in one page is unsupported; the double's script then does nothing but warn. */
  secondScriptWarns: true,
  /** tccc.md lists `autoTransfer` (an offer timed out and moved elsewhere) and no agent status for it: none is sent. */
  autoTransferStatus: null,
  /**
   * The cloud API stand-in (./cloud-api.mjs) answers DescribeCallInMetrics from the site's calls. tccc.md lists
   * `QueueCount` and `RingCount` without saying whether a call ringing an agent is still "in the queue". The
   * double's calls ring the agent as soon as they come in (no call waits unoffered), so it counts a call offered
   * and not yet answered as waiting in its skill group's queue (`QueueCount`, the longest wait from when it
   * rang), not as ringing; `AcceptCount` counts the answered calls still going on.
   */
  offeredIsQueued: true,
  /**
   * tccc.md: DescribeStaffStatusMetrics' `Status` is one of free, busy, rest, notReady, afterCallWork, offline,
   * while the Web SDK says `arrange` for after-call work. The double translates the SDK's status so.
   */
  metricsStatus: Object.freeze({ arrange: 'afterCallWork' }),
  /**
   * A call record (DescribeTelCdr's `TelCdrList`): the fields as the official SDK's type declarations name them
   * (`TelCdrInfo`; tccc.md names the action, its paging and filters only). `EndStatus`/`EndStatusString` from
   * the SDK's list; which one the double writes for a call that ended unanswered is its choice: a caller who
   * hangs up while the agent's phone rings gave up ringing (104); an inbound call the agent or the system ended
   * unanswered had no agent take it (105); an outbound call the agent ended before the answer was cancelled
   * (209), one the customer ended, refused (203). The skill group is `QueuedSkillGroupId` for every inbound
   * call, and `SkillGroupId` only once an agent answered it; `SeatUser.Mail` is the agent's account. The time
   * range filters on when the call started (`Time`), and the pages list the newest first.
   */
  callRecord: Object.freeze({
    endStatus: ({ inbound, answered, closeBy }) =>
      answered
        ? { code: 1, name: 'ok' }
        : inbound
          ? closeBy === 'client'
            ? { code: 104, name: 'ringingGiveUp' }
            : { code: 105, name: 'noSeatOnline' }
          : closeBy === 'client'
            ? { code: 203, name: 'userReject' }
            : { code: 209, name: 'callerCancel' },
  }),
});
