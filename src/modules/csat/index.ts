/**
 * Customer-satisfaction surveys' public face: the table (for the demo history and reporting,
 * read-only) and the rules of a survey's token. Surveys are created by the module's own record
 * hook when an incident or request is resolved.
 */
export { createSurveyWithin, hashToken } from './service.ts';
