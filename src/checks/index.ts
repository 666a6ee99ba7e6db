export type { CheckInput } from './check-input.js';
export { applicationEquations, evaluate, reviewLitigationEquations, type Equation } from './equations.js';
export type { Language } from './language.js';
export { runChecks, TABLE_CHECKS, type Check } from './run-checks.js';
