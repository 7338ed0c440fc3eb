// The shape of a locale bundle, derived from the widgets' English tables: a bundle that lacks a key, or keeps
// one a widget no longer has, does not type-check (and test/locales/bundles.test.ts says which).
import type { defaultStrings as agentStats } from '../../components/cc-agent-stats/cc-agent-stats.strings.js';
import type { defaultStrings as auth } from '../../components/cc-auth/cc-auth.js';
import type { defaultStrings as preflight } from '../../components/cc-preflight/cc-preflight.strings.js';
import type { defaultStrings as conversation } from '../../components/cc-conversation/cc-conversation.strings.js';
import type { defaultStrings as queueStats } from '../../components/cc-queue-stats/cc-queue-stats.strings.js';
import type { defaultStrings as stateSelect } from '../../components/cc-state-select/cc-state-select.js';
import type { defaultStrings as stationLogin } from '../../components/cc-station-login/cc-station-login.js';
import type { defaultStrings as taskPanel } from '../../components/cc-task-panel/cc-task-panel.strings.js';
import type { defaultStrings as wrapup } from '../../components/cc-wrapup/cc-wrapup.js';
import type { sdkHintStrings, sharedStrings } from '../base/cc-widget.js';
import type { MESSAGES } from '../core/messages.js';

/** The texts the backends' sign-in descriptors add to `<cc-auth>` (src/backends/declared/*). */
type SignInTexts = Record<'signInWithWebex' | 'continueWithWebex' | 'oauthFailedWebex' | 'signInWithTccc' | 'usernameHintXivo', string>;

/**
 * Every widget's English table, by tag; `shared` holds what every widget may show (connection status, the
 * "not connected" hint). A new widget adds its table here, in src/locales/english.ts and in every bundle.
 */
export interface EnglishTables {
  readonly shared: typeof sharedStrings & typeof sdkHintStrings;
  readonly 'cc-auth': typeof auth & SignInTexts;
  readonly 'cc-station-login': typeof stationLogin;
  readonly 'cc-state-select': typeof stateSelect;
  readonly 'cc-task-panel': typeof taskPanel;
  readonly 'cc-wrapup': typeof wrapup;
  readonly 'cc-queue-stats': typeof queueStats;
  readonly 'cc-agent-stats': typeof agentStats;
  readonly 'cc-preflight': typeof preflight;
  readonly 'cc-conversation': typeof conversation;
  /** The kit's own messages (refusals, checks, its failures), by key: src/core/messages.ts. Any widget shows them. */
  readonly messages: typeof MESSAGES;
}

/** The plural categories a key may have a variant for (`key_one`, `key_few`…); the bare key is `other`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many';

type BaseKeys<T> = Exclude<keyof T & string, `${string}_${PluralCategory}`>;

/**
 * One widget's strings in a language: every key of its English table, plus the plural variants its language
 * needs (`dialNumberShort_one`, `dialNumberShort_few`…), chosen by `Intl.PluralRules` from `{count}`.
 */
export type BundleTable<T> = { readonly [K in BaseKeys<T>]: string } & { readonly [K in `${BaseKeys<T>}_${PluralCategory}`]?: string };

/** A language's strings for every widget. */
export type Bundle = { readonly [Tag in keyof EnglishTables]: BundleTable<EnglishTables[Tag]> };
