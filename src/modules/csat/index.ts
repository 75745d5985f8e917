/**
 * Customer-satisfaction surveys' public face. Surveys are created by the module's own record
 * hook when an incident or request is resolved; answering signed in is open to the demo data.
 */
export { answerAsRequester, createSurveyWithin } from './service.ts';
