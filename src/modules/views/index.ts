/** Saved views of lists; other modules use nothing of it. */
export {};
