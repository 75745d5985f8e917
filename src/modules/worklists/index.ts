/** Bulk changes and CSV export of record lists; other modules use nothing of it. */
export {};
