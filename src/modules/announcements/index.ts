/** Announcements' public face: other modules use nothing of it yet. */
export {};
