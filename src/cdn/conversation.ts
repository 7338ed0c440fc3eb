// The CDN build's conversation chunk: <cc-conversation>, which the entry defines with a light class and settles
// from here when the page has the tag, or once the page is idle, so a desk without conversations does not pay
// for it up front.
import { ReactiveElement } from 'lit';
import { CcConversation } from '../../components/cc-conversation/cc-conversation.js';
import type { Body } from './light.js';

export { CcConversation };

/** What the entry's light classes of these tags become. */
export const body: Body = { widgets: { 'cc-conversation': CcConversation }, ReactiveElement };
