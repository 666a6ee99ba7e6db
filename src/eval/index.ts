export { compareTables, findingKeys, flattenValues, type CellDifference } from './compare-result.js';
export { loadFixture, loadFixtures, type Fixture } from './load-fixtures.js';
