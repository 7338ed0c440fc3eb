import { expect, html } from '@open-wc/testing';
import '../../define/all.js';
import { sdkFixture } from '../helpers.js';

const WIDGETS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'] as const;

/** The text properties a page could reach the kit's text through, by inheritance. */
const TEXT_PROPERTIES = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'color',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-shadow',
  '-webkit-text-fill-color',
] as const;

/** A careless page: every element of the body, the widgets' hosts included, in 40 px red capitals. */
const HOSTILE = `body * {
  font-family: 'Courier New', monospace; font-size: 40px; font-weight: 900; font-style: italic; line-height: 3;
  color: red; letter-spacing: 5px; word-spacing: 9px; text-transform: uppercase; text-align: right;
  text-shadow: 1px 1px blue; -webkit-text-fill-color: red;
}`;
const HOSTILE_IMPORTANT = HOSTILE.replace(/;/g, ' !important;').replace(/!important !important/g, '!important');

type Styles = Map<Element, string>;

/** The labels, buttons, fields and every element with text of its own, in each widget's shadow root. */
function textElements(): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  for (const tag of WIDGETS) {
    const host = document.querySelector(tag)!;
    const elements = [...host.shadowRoot!.querySelectorAll('*')].filter(
      (e) =>
        ['BUTTON', 'LABEL', 'INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) ||
        [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
    );
    found.set(tag, elements);
  }
  return found;
}

function measure(elements: Element[]): Styles {
  const styles: Styles = new Map();
  for (const e of elements) {
    const computed = getComputedStyle(e);
    styles.set(e, TEXT_PROPERTIES.map((p) => `${p}: ${computed.getPropertyValue(p)}`).join('; '));
  }
  return styles;
}

const describeElement = (e: Element) => `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''} "${e.textContent?.trim().slice(0, 30) ?? ''}"`;

/** Adds a stylesheet to the page; resolves once it applies. */
async function addPageStyle(css: string | { href: string }): Promise<() => void> {
  let node: HTMLElement;
  if (typeof css === 'string') {
    node = Object.assign(document.createElement('style'), { textContent: css });
    document.head.append(node);
  } else {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css.href });
    const loaded = new Promise((resolve, reject) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', () => reject(new Error(`could not load ${css.href}`)));
    });
    document.head.append(link);
    await loaded;
    node = link;
  }
  return () => node.remove();
}

const PAGES = {
  'body * {font-size: 40px; color: red; …}': HOSTILE,
  'the same rules with !important': HOSTILE_IMPORTANT,
  'Bootstrap 5': { href: '/node_modules/bootstrap/dist/css/bootstrap.min.css' },
  'Bootstrap 5 and body * {…} !important': [{ href: '/node_modules/bootstrap/dist/css/bootstrap.min.css' }, HOSTILE_IMPORTANT],
} as const;

describe('a hostile host page', () => {
  /** Every widget on one page, taken through the states where each shows its labels and buttons. */
  async function desk() {
    const rig = await sdkFixture(html`
      <div>
        <p id="outside">A paragraph of the host page.</p>
        <cc-sdk>
          <p id="inside">A paragraph of the host page.</p>
          <cc-auth></cc-auth>
          <cc-station-login></cc-station-login>
          <cc-state-select></cc-state-select>
          <cc-task-panel></cc-task-panel>
          <cc-wrapup></cc-wrapup>
        </cc-sdk>
      </div>
    `);
    const settle = async () => {
      for (const tag of WIDGETS) await (document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    };
    const { sdk, server } = rig;
    const stages: Array<[string, () => Promise<void>]> = [
      ['signed out', async () => {}],
      ['signed in, choosing a station', async () => void (await sdk.request('cc-sign-in-request', { accessToken: 't' }))],
      [
        'on a call, with an offer ringing',
        async () => {
          await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
          await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
          server.offer({});
          await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
          server.offer({});
        },
      ],
      [
        'wrapping up',
        async () => {
          const connected = sdk.state.tasks.find((t) => t.state === 'connected')!;
          await sdk.request('cc-task-end-request', { taskId: connected.id });
        },
      ],
    ];
    return { ...rig, settle, stages };
  }

  for (const [page, sheets] of Object.entries(PAGES)) {
    it(`leaves the text of every widget as it was on a page with ${page}`, async () => {
      const { settle, stages } = await desk();
      const measured = new Map<string, number>(WIDGETS.map((t) => [t, 0]));
      for (const [stage, enter] of stages) {
        await enter();
        await settle();
        const elements = textElements();
        const before = new Map([...elements].map(([tag, els]) => [tag, measure(els)]));
        const removers: Array<() => void> = [];
        for (const sheet of [sheets].flat()) removers.push(await addPageStyle(sheet));
        try {
          if (typeof sheets !== 'object' || Array.isArray(sheets)) {
            // The page's rule does reach the hosts: the test would see any inheritance.
            expect(getComputedStyle(document.querySelector('cc-auth')!).fontSize).to.equal('40px');
          }
          for (const [tag, all] of elements) {
            // Only what is still on screen (a re-render while a stylesheet loaded may have replaced a node).
            const els = all.filter((e) => e.isConnected);
            const after = measure(els);
            for (const e of els) {
              expect(after.get(e), `${stage}: ${tag} ${describeElement(e)}`).to.equal(before.get(tag)!.get(e));
            }
            measured.set(tag, measured.get(tag)! + els.filter((e) => ['BUTTON', 'LABEL'].includes(e.tagName)).length);
          }
        } finally {
          removers.forEach((remove) => remove());
        }
      }
      // Each widget showed labels or buttons in some stage, and all of them were measured.
      for (const [tag, count] of measured) expect(count, tag).to.be.greaterThan(0);
    });
  }

  it('keeps the size and color set through the --cc-* tokens, on a hostile page too', async () => {
    const { sdk, settle } = await desk();
    sdk.style.setProperty('--cc-font-size', '18px');
    sdk.style.setProperty('--cc-color-text', 'rgb(0, 128, 0)');
    await settle();
    const remove = await addPageStyle(HOSTILE_IMPORTANT);
    try {
      const label = document.querySelector('cc-auth')!.shadowRoot!.querySelector('label')!;
      expect(getComputedStyle(label).fontSize).to.equal('18px');
      expect(getComputedStyle(label).color).to.equal('rgb(0, 128, 0)');
    } finally {
      remove();
    }
  });
});

describe('<cc-sdk> and the host page content inside it', () => {
  const PARAGRAPH = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'margin-top', 'margin-bottom', 'letter-spacing'] as const;

  for (const [page, sheets] of [['a plain page', []], ['Bootstrap 5', [PAGES['Bootstrap 5']]]] as const) {
    it(`does not restyle a paragraph of the page placed inside it (${page})`, async () => {
      const rig = await sdkFixture(html`
        <div style="font: 20px/1.6 Georgia, serif; color: rgb(10, 20, 30)">
          <p id="outside">A paragraph of the host page.</p>
          <cc-sdk><p id="inside">A paragraph of the host page.</p></cc-sdk>
        </div>
      `);
      const removers: Array<() => void> = [];
      for (const sheet of sheets) removers.push(await addPageStyle(sheet));
      try {
        const outside = getComputedStyle(rig.root.querySelector('#outside')!);
        const inside = getComputedStyle(rig.root.querySelector('#inside')!);
        for (const p of PARAGRAPH) expect(inside.getPropertyValue(p), p).to.equal(outside.getPropertyValue(p));
        expect(getComputedStyle(rig.sdk).display).to.equal('contents');
        // The paragraphs sit at the same left edge and have the same box: the provider adds no box of its own.
        const a = rig.root.querySelector('#outside')!.getBoundingClientRect();
        const b = rig.root.querySelector('#inside')!.getBoundingClientRect();
        expect([b.left, b.width, b.height]).to.deep.equal([a.left, a.width, a.height]);
      } finally {
        removers.forEach((remove) => remove());
      }
    });
  }

  it('still hides its content with the hidden attribute', async () => {
    const rig = await sdkFixture(html`<cc-sdk hidden><p id="inside">Hidden with the provider.</p></cc-sdk>`);
    expect(getComputedStyle(rig.sdk).display).to.equal('none');
    expect(rig.sdk.querySelector('#inside')!.getBoundingClientRect().height).to.equal(0);
  });
});
