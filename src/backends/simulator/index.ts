export { SimulatorBackend, type SimulatorBackendOptions } from './backend.js';
export { SimulatorServer, type SimulatorServerOptions, type SimulatorTiming, type Fault } from './server.js';
export { parseScenario, namedScenarios, type ScenarioStep, type OfferSpec } from './scenarios.js';
export { simulatorProfile, simulatorCustomers, simulatorQueues, simulatorBuddies } from './data.js';
