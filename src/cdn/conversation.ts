// The CDN build's conversation chunk: defines <cc-conversation>. The entry imports it (dynamically) when the page
// has the tag, or once the page is idle, so a desk without conversations does not pay for it up front.
import '../../define/cc-conversation.js';

export { CcConversation } from '../../components/cc-conversation/cc-conversation.js';
