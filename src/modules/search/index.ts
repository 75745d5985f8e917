/** Global search across record types and CIs; other modules use nothing of it. */
export {};
