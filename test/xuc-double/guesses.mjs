/**
 * Every choice the XuC double makes where ../../../shared/xuc.md marks a GUESS (or says nothing), in one place.
 * When a real XuC shows otherwise, change it here and the double follows.
 */
export const GUESSES = Object.freeze({
  /** xuc.md §2: `TTL` is in seconds; the default lifetime of a token (a site may set its own). */
  ttlSeconds: 3600,
  /** xuc.md §2 gives the error bodies, not the HTTP statuses: these are the double's. */
  status: Object.freeze({ InvalidCredentials: 401, InvalidJson: 400, TokenExpired: 401, UnhandledError: 500 }),
  /** xuc.md §2: `auth/check` with an expired token answers `{"error":"TokenExpired"}`; the `message` is ours. */
  tokenExpiredMessage: 'The token has expired.',
  /** xuc.md §3: a socket opened with an unknown or expired token is refused at the upgrade (HTTP 401). */
  socketRefusedStatus: 401,
  /** xuc.md §3 says LoggedOn arrives "once the CTI session is established", not what it carries: an empty object. */
  loggedOn: () => ({}),
  /**
   * xuc.md §3 GUESS: the server answers every `{"claz":"ping"}` (idle agents would drop every 15 s otherwise).
   * The reply's msgType is not documented; the client must treat any frame as a sign of life.
   */
  pong: () => ({ msgType: 'Pong', ctiMessage: {} }),
  /** xuc.md §6: whether a successful agentLogin is followed by AgentReady (XiVO agents log in ready) after AgentLogin. */
  readyAfterLogin: true,
  /** xuc.md §7 GUESS: `hangup` on a ringing leg declines it (EventReleased). */
  hangupDeclinesRinging: true,
  /**
   * xuc.md §7: the order of the two messages an incoming ACD call makes is not stated: the PhoneEvent first,
   * then the AgentStateEvent (AgentRinging / AgentOnCall / AgentOnWrapup).
   */
  phoneEventFirst: true,
  /** xuc.md §5: `attendedTransfer` holds the customer and rings the consulted party on a new leg of the same linkedId. */
  consultHoldsCustomer: true,
  /** xuc.md §5: `cancelTransfer` releases the consulted leg and takes the customer off hold (EventEstablished). */
  cancelResumesCustomer: true,
  /**
   * xuc.md §5 says only that `conference` "uses phone set capabilities": with a consult answered, it takes the
   * customer off hold (EventEstablished on the customer's leg) and the three are joined; without one, nothing.
   */
  conferenceJoins: true,
  /** xuc.md §5: a `hangup` by the agent in a conference releases the agent's legs, the third party's first. */
  conferenceHangupReleasesAll: true,
  /** xuc.md §5: `sendDtmf {key}` is answered by nothing; the double records the keys per call (`state().dtmf`). */
  dtmfAnswer: 'none',
  /** xuc.md §6/§8: the queue wrap-up timer (seconds) after an ACD call ends; AgentReady follows it. */
  wrapupSeconds: 30,
  /** xuc.md §6: a login on a line another agent holds silently takes it over and logs that agent out (S1). */
  takeOverLine: true,
  /** xuc.md §6: the shape of the user's own configuration message (`UserConfigUpdate`) is not given: these fields. */
  userConfig: (user) => ({
    userId: user.userId,
    firstName: user.firstName,
    lastName: user.lastName,
    fullName: `${user.firstName} ${user.lastName}`,
    agentId: user.agentId,
    lineIds: [user.lineId],
  }),
  /** xuc.md §11: `LineConfig` answers `getConfig` objectType `line`; its fields beyond `id` and `number` are ours. */
  lineConfig: (user, line) => ({ id: String(user.lineId), name: line.number, number: line.number, webRtc: Boolean(line.webRtc) }),
  /** xuc.md §5: `getAgentStates` is answered by one `AgentStateEvent` per agent the user may see (here: itself). */
  agentStatesAnswer: 'AgentStateEvent',
  /** xuc.md §5: commands the double does not know are ignored (no error message is documented). */
  unknownCommand: 'ignore',
});
