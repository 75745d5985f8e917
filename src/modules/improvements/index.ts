/**
 * Continual improvement's public face: the record type, raising a proposal (the demo and other
 * modules raise them from problems and reviews) and the suggestions of KPIs off target.
 */
export { improvementType } from './record-type.ts';
export { createImprovement, getImprovementView, transitionImprovement } from './service.ts';
export { listSuggestions } from './suggestions.ts';
