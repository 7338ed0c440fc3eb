/**
 * `cc-elements/testing`: the Backend contract suite, for a backend written outside this repository to run
 * on itself from its own test runner (see the README's "Run the contract suite on your backend"). It imports
 * no test library and defines no element.
 */
export { backendContract, type ContractDrive, type ContractFactory, type ContractOptions, type ContractRunner } from './backend-contract.js';
export { expect, deepEqual, Assertion, ContractAssertionError } from './expect.js';
export { deskOn } from './desk.js';
export { until } from './until.js';
