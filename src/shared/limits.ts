/** Limits both the server and the web app enforce; one place so they never disagree. */
export const LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  commentMax: 20_000,
  nameMax: 120,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 200,
  categoryMax: 80,
  resolutionNotesMax: 10_000,
  filenameMax: 255,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  tokenNameMax: 80,
} as const;
