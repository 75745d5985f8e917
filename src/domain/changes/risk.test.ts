import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_QUESTIONNAIRE,
  maxScore,
  questionnaireProblems,
  type RiskQuestionnaire,
  riskLevel,
  scoreRisk,
} from './risk.ts';

const Q = DEFAULT_RISK_QUESTIONNAIRE;

describe('risk scoring', () => {
  it('sums the weights of the answers given and maps the score to a level', () => {
    const low = scoreRisk(Q, {
      users_affected: 'team',
      tested: 'yes',
      backout: 'easy',
      done_before: 'often',
    });
    expect(low).toEqual({ ok: true, assessment: { score: 2, level: 'low', maxScore: 33 } });
    const medium = scoreRisk(Q, {
      users_affected: 'site',
      tested: 'partly',
      backout: 'easy',
      done_before: 'often',
    });
    expect(medium).toMatchObject({ ok: true, assessment: { score: 9, level: 'medium' } });
    const high = scoreRisk(Q, { users_affected: 'all', tested: 'no', backout: 'easy', done_before: 'often' });
    expect(high).toMatchObject({ ok: true, assessment: { score: 18, level: 'high' } });
  });

  it('refuses unanswered questions, unknown answers and unknown questions, naming each', () => {
    const r = scoreRisk(Q, { users_affected: 'galaxy', tested: 'yes', backout: 'easy', colour: 'blue' });
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'answers.users_affected', message: 'has no answer "galaxy"' },
        { field: 'answers.done_before', message: 'is not answered' },
        { field: 'answers.colour', message: 'is not a question of the questionnaire' },
      ],
    });
  });

  it('puts thresholds at the lower bound of their level', () => {
    const t = { medium: 5, high: 10 };
    expect([4, 5, 9, 10].map((s) => riskLevel(s, t))).toEqual(['low', 'medium', 'medium', 'high']);
  });

  it('finds questionnaires that cannot be used', () => {
    const bad: RiskQuestionnaire = {
      questions: [
        { key: 'a', text: 'A?', answers: [{ key: 'x', label: 'X', weight: 1.5 }] },
        {
          key: 'a',
          text: 'Again?',
          answers: [
            { key: 'y', label: 'Y', weight: 1 },
            { key: 'y', label: 'Y', weight: 2 },
          ],
        },
      ],
      thresholds: { medium: 5, high: 5 },
    };
    expect(questionnaireProblems(bad).map((p) => p.field)).toEqual([
      'questions.0.answers',
      'questions.0.answers.0.weight',
      'questions.1.key',
      'questions.1.answers.1.key',
      'thresholds.high',
    ]);
    expect(questionnaireProblems(Q)).toEqual([]);
  });
});

const questionnaire = fc
  .array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((weights) =>
    fc.record({
      weights: fc.constant(weights),
      medium: fc.integer({ min: 1, max: 300 }),
      gap: fc.integer({ min: 1, max: 300 }),
      picks: fc.tuple(...weights.map((w) => fc.nat({ max: w.length - 1 }))),
    }),
  )
  .map(({ weights, medium, gap, picks }) => {
    const q: RiskQuestionnaire = {
      questions: weights.map((ws, i) => ({
        key: `q${i}`,
        text: `Question ${i}`,
        answers: ws.map((w, j) => ({ key: `a${j}`, label: `Answer ${j}`, weight: w })),
      })),
      thresholds: { medium, high: medium + gap },
    };
    const answers = Object.fromEntries(picks.map((p, i) => [`q${i}`, `a${p}`]));
    return { q, answers, weights, picks };
  });

describe('risk scoring properties', () => {
  it('scores between 0 and the maximum, as the sum of the chosen weights', () => {
    fc.assert(
      fc.property(questionnaire, ({ q, answers, weights, picks }) => {
        const r = scoreRisk(q, answers);
        if (!r.ok) return false;
        const expected = picks.reduce((s, p, i) => s + weights[i]![p]!, 0);
        return (
          r.assessment.score === expected && r.assessment.score <= maxScore(q) && r.assessment.score >= 0
        );
      }),
    );
  });

  it('never lowers the level when an answer is swapped for a heavier one', () => {
    fc.assert(
      fc.property(questionnaire, fc.nat(), ({ q, answers }, n) => {
        const question = q.questions[n % q.questions.length]!;
        const heaviest = question.answers.reduce((a, b) => (b.weight > a.weight ? b : a));
        const before = scoreRisk(q, answers);
        const after = scoreRisk(q, { ...answers, [question.key]: heaviest.key });
        if (!before.ok || !after.ok) return false;
        const rank = { low: 0, medium: 1, high: 2 };
        return (
          after.assessment.score >= before.assessment.score &&
          rank[after.assessment.level] >= rank[before.assessment.level]
        );
      }),
    );
  });
});
