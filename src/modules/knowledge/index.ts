/**
 * The knowledge base's public face: article search under the caller's audience rules (the global
 * search lists articles with records and CIs), suggestions, and the review reminder sweep.
 */

export { sendReviewReminders } from './reminders.ts';
export { ARTICLE_NUMBER, searchArticles, suggestArticles } from './search.ts';
