/**
 * Priority from impact × urgency through a configurable matrix (ITIL incident management).
 * Impact and urgency run 1 (high) to 3 (low); priority 1 (critical) to 5 (planning).
 */

export const IMPACT_LEVELS = [1, 2, 3] as const;
export const URGENCY_LEVELS = [1, 2, 3] as const;
export const PRIORITY_LEVELS = [1, 2, 3, 4, 5] as const;

export const IMPACT_LABELS: Record<number, string> = { 1: 'High', 2: 'Medium', 3: 'Low' };
export const URGENCY_LABELS: Record<number, string> = { 1: 'High', 2: 'Medium', 3: 'Low' };
export const PRIORITY_LABELS: Record<number, string> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Planning',
};

/** matrix[impact-1][urgency-1] = priority */
export type PriorityMatrix = number[][];

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

export function derivePriority(matrix: PriorityMatrix, impact: number, urgency: number): number {
  const p = matrix[impact - 1]?.[urgency - 1];
  if (p === undefined) throw new RangeError(`No priority for impact ${impact} and urgency ${urgency}`);
  return p;
}

/** Returns a list of problems; empty when the matrix is usable. */
export function validatePriorityMatrix(matrix: unknown): string[] {
  if (!Array.isArray(matrix) || matrix.length !== IMPACT_LEVELS.length) {
    return [`The matrix must have ${IMPACT_LEVELS.length} rows, one per impact level.`];
  }
  const problems: string[] = [];
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== URGENCY_LEVELS.length) {
      problems.push(
        `Row for impact ${i + 1} must have ${URGENCY_LEVELS.length} cells, one per urgency level.`,
      );
      return;
    }
    row.forEach((cell: unknown, j) => {
      if (typeof cell !== 'number' || !Number.isInteger(cell) || cell < 1 || cell > 5) {
        problems.push(`Impact ${i + 1} × urgency ${j + 1}: priority must be a whole number from 1 to 5.`);
      }
    });
  });
  return problems;
}
