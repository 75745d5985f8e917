/** Reading the warning thresholds a form takes as text. */

/** "75, 90" → [75, 90]; null when something is not a number between 1 and 99. */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const nums = parts.map(Number);
  return nums.every((n) => Number.isFinite(n) && n > 0 && n < 100) ? nums : null;
}
