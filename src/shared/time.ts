/** The length of a day as instants count it (UTC: 24 hours), and whole such days added to an instant. */
export const DAY_MS = 86_400_000;

/** The instant `days` days of 24 hours after `at` (before it when negative). */
export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** The UTC calendar date of an instant, as ISO 8601 (YYYY-MM-DD). */
export const isoDate = (at: Date): string => at.toISOString().slice(0, 10);
