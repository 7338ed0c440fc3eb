// Storybook's stand-in for `@webex/contact-center`: stories run on the simulator, so choosing the Webex
// backend here fails the way a missing SDK does (a visible `cc-error`), without bundling the SDK.
throw new Error('The Webex Contact Center SDK is not bundled in Storybook; the stories run on the simulator.');
