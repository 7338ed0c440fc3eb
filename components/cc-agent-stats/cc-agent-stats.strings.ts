/** Every visible string of `<cc-agent-stats>` in English; replace any through its `strings` property. */
export const defaultStrings = {
  title: 'My day',
  handled: 'Handled today',
  averageHandle: 'Average handle time',
  missed: 'Missed offers',
  none: '–',
  timeInState: 'Time in each state',
  Available: 'Available',
  Idle: 'Idle',
  RONA: 'Missed (RONA)',
  AfterCall: 'After call',
  current: '(now)',
  stale: 'Stale: updated {age} ago',
  staleSaid: 'Stale: the server says these figures are out of date (updated {age} ago)',
  loading: 'Loading statistics…',
  empty: 'No statistics yet.',
  signedOut: 'Sign in to see your statistics.',
  pollFailed: 'Could not load statistics: {message}. Retrying.',
  endpointRefused: 'This statistics endpoint is not used: {message}.',
};

export type CcAgentStatsStrings = typeof defaultStrings;
