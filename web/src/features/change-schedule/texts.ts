/** Words the schedule pages share. */
export const permissionsNote =
  'Maintenance windows say when a CI or a service may be changed; freezes when nothing (or nothing on a service) should be. Changes outside them are flagged as conflicts.';
