/** Automation's public face: its rules per process. Rules react to record events on their own. */
export { createRule, deleteRule, listRules, type RuleInput, updateRule } from './service.ts';
