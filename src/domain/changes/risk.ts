/**
 * Change risk from the questionnaire the change manager defines: each question offers weighted
 * answers, the score is the sum of the weights of the answers given, and two thresholds turn the
 * score into a level (low below `medium`, high from `high`). Pure: no I/O.
 */

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type RiskAnswer = { key: string; label: string; weight: number };
export type RiskQuestion = { key: string; text: string; answers: RiskAnswer[] };
export type RiskQuestionnaire = {
  questions: RiskQuestion[];
  /** Scores at or above `medium` are medium risk, at or above `high` high risk. */
  thresholds: { medium: number; high: number };
};

export type RiskAssessment = { score: number; level: RiskLevel; maxScore: number };
export type FieldProblem = { field: string; message: string };

/** Weights are whole numbers in this range, so scores stay readable. */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 100;

/** Problems that make a questionnaire unusable, keyed like `questions.2.answers.0.weight`. */
export function questionnaireProblems(q: RiskQuestionnaire): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  q.questions.forEach((question, i) => {
    if (keys.has(question.key)) problems.push({ field: `questions.${i}.key`, message: 'is used twice' });
    keys.add(question.key);
    if (question.answers.length < 2)
      problems.push({ field: `questions.${i}.answers`, message: 'a question needs at least two answers' });
    const answerKeys = new Set<string>();
    question.answers.forEach((a, j) => {
      if (answerKeys.has(a.key))
        problems.push({ field: `questions.${i}.answers.${j}.key`, message: 'is used twice' });
      answerKeys.add(a.key);
      if (!Number.isInteger(a.weight) || a.weight < WEIGHT_MIN || a.weight > WEIGHT_MAX)
        problems.push({
          field: `questions.${i}.answers.${j}.weight`,
          message: `must be a whole number from ${WEIGHT_MIN} to ${WEIGHT_MAX}`,
        });
    });
  });
  const { medium, high } = q.thresholds;
  if (!Number.isInteger(medium) || medium < 1)
    problems.push({ field: 'thresholds.medium', message: 'must be a whole number, at least 1' });
  if (!Number.isInteger(high) || high <= medium)
    problems.push({ field: 'thresholds.high', message: 'must be a whole number above the medium threshold' });
  return problems;
}

/** The level of a score under the thresholds. */
export function riskLevel(score: number, thresholds: RiskQuestionnaire['thresholds']): RiskLevel {
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/** The highest score the questionnaire can give. */
export function maxScore(q: RiskQuestionnaire): number {
  return q.questions.reduce(
    (sum, question) => sum + Math.max(0, ...question.answers.map((a) => a.weight)),
    0,
  );
}

/**
 * Score a set of answers (question key → answer key). Every question must be answered with one
 * of its answers; answers to questions the questionnaire no longer has are refused too.
 */
export function scoreRisk(
  q: RiskQuestionnaire,
  answers: Readonly<Record<string, string>>,
): { ok: true; assessment: RiskAssessment } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let score = 0;
  for (const question of q.questions) {
    const given = answers[question.key];
    if (given === undefined) {
      problems.push({ field: `answers.${question.key}`, message: 'is not answered' });
      continue;
    }
    const answer = question.answers.find((a) => a.key === given);
    if (!answer) problems.push({ field: `answers.${question.key}`, message: `has no answer "${given}"` });
    else score += answer.weight;
  }
  for (const key of Object.keys(answers))
    if (!q.questions.some((question) => question.key === key))
      problems.push({ field: `answers.${key}`, message: 'is not a question of the questionnaire' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, assessment: { score, level: riskLevel(score, q.thresholds), maxScore: maxScore(q) } };
}

/** The questionnaire a new installation starts with; the change manager edits it. */
export const DEFAULT_RISK_QUESTIONNAIRE: RiskQuestionnaire = {
  questions: [
    {
      key: 'users_affected',
      text: 'How many users could notice the change?',
      answers: [
        { key: 'none', label: 'None', weight: 0 },
        { key: 'team', label: 'One team', weight: 2 },
        { key: 'site', label: 'A site or department', weight: 5 },
        { key: 'all', label: 'Everyone', weight: 10 },
      ],
    },
    {
      key: 'tested',
      text: 'Has the change been tested in a like-for-like environment?',
      answers: [
        { key: 'yes', label: 'Yes, fully', weight: 0 },
        { key: 'partly', label: 'Partly', weight: 4 },
        { key: 'no', label: 'No', weight: 8 },
      ],
    },
    {
      key: 'backout',
      text: 'How hard is it to back the change out?',
      answers: [
        { key: 'easy', label: 'Minutes, scripted', weight: 0 },
        { key: 'hard', label: 'Hours, manual', weight: 5 },
        { key: 'impossible', label: 'Not possible', weight: 10 },
      ],
    },
    {
      key: 'done_before',
      text: 'Has this kind of change been done before?',
      answers: [
        { key: 'often', label: 'Often', weight: 0 },
        { key: 'once', label: 'Once or twice', weight: 2 },
        { key: 'never', label: 'Never', weight: 5 },
      ],
    },
  ],
  thresholds: { medium: 8, high: 18 },
};
