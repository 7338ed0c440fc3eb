// The package's main entry: classes, types, events and backends. Importing it defines no tag.
export * from './src/api.js';
export * from './src/api-stats.js';
export { CcConversation } from './components/cc-conversation/cc-conversation.js';
export * from './src/api-preflight.js';
// The simulator's classes (SimulatorServer, SimulatorBackend, its data). `<cc-sdk>` itself loads the simulator
// lazily; a bundler leaves these out of a page that does not import them.
export * from './src/backends/simulator/index.js';
