// A React app that embeds the agent desk through the wrappers (`cc-elements/react`) and does a screen pop:
// when a task is offered, `onCcTaskIncoming` looks up the customer and shows their record.
// Build: `npm run example:react` (add `-- --serve` to serve it on http://localhost:8001/).
import { useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CcAuth,
  CcSdk,
  CcStateSelect,
  CcStationLogin,
  CcTaskPanel,
  CcWrapup,
  type CcSdkElement,
} from '../../react/index.js';
import { simulatorCustomers } from '../../src/backends/simulator/data.js';
import type { MediaType, TaskSnapshot } from '../../src/core/types.js';
import type { CcOutcomeEvent } from '../../src/events/events.js';

interface Pop {
  readonly task: TaskSnapshot;
  readonly account?: string;
}

function ScreenPop({ pop }: { pop: Pop | null }) {
  if (!pop) return <p>No customer on screen. A screen pop appears when a call, chat or email is offered.</p>;
  const { task, account } = pop;
  return (
    <dl>
      <dt>Customer</dt>
      <dd>{task.customerName ?? 'Unknown caller'}</dd>
      <dt>Reached us by</dt>
      <dd>
        {task.mediaType} from {task.ani}
      </dd>
      {account ? (
        <>
          <dt>Account</dt>
          <dd>{account}</dd>
        </>
      ) : null}
    </dl>
  );
}

function App() {
  const desk = useRef<CcSdkElement>(null);
  const [pop, setPop] = useState<Pop | null>(null);
  const [log, setLog] = useState<string[]>([]);

  // The screen-pop hook: the kit announces the offer, the app finds the record.
  const onIncoming = useCallback((event: CcOutcomeEvent<'cc-task-incoming'>) => {
    const { task } = event.detail;
    const customer = simulatorCustomers.find((c) => [c.phone, c.email, c.handle].includes(task.ani));
    console.log('[screen pop]', task.customerName ?? task.ani, task);
    setPop({ task, account: customer?.account ?? task.cad.accountNumber });
  }, []);

  const offer = (mediaType: MediaType) => desk.current?.simulator?.offer({ mediaType });

  return (
    <>
      <header>
        <h1>Northwind CRM (React)</h1>
        <CcStateSelect sdk="desk" />
      </header>
      <div className="app">
        <div className="column">
          <CcSdk
            id="desk"
            ref={desk}
            backend="simulator"
            latency={250}
            onCcTaskIncoming={onIncoming}
            onCcTaskWrapup={(e) => setLog((l) => [...l, `${e.detail.task.customerName ?? e.detail.task.ani}: ${e.detail.auxCodeId}`])}
            onCcWrapupRequest={(e) => {
              // Every request can be vetoed; this app only logs it.
              console.log('[wrap-up requested]', e.detail);
            }}
          >
            <CcAuth />
            <CcStationLogin />
            <CcWrapup />
            <CcTaskPanel />
          </CcSdk>
        </div>
        <div className="column">
          <section className="pop" aria-labelledby="pop-title">
            <h2 id="pop-title">Screen pop</h2>
            <ScreenPop pop={pop} />
          </section>
          <section className="pop" aria-labelledby="sim-title">
            <h2 id="sim-title">Simulator</h2>
            <p>Sign in with any token, log in, go Available, then:</p>
            <div className="controls">
              <button type="button" onClick={() => offer('telephony')}>
                A call arrives
              </button>
              <button type="button" onClick={() => offer('chat')}>
                A chat arrives
              </button>
              <button type="button" onClick={() => offer('email')}>
                An email arrives
              </button>
            </div>
          </section>
          <section className="pop" aria-labelledby="log-title">
            <h2 id="log-title">Call log</h2>
            <ul>
              {log.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
