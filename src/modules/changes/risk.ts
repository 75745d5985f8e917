import type { AppContext } from '../../context.ts';
import type { RiskQuestionnaire, RiskQuestionnaireView } from '../../contracts/changes.ts';
import type { Db } from '../../db/client.ts';
import {
  DEFAULT_RISK_QUESTIONNAIRE,
  maxScore,
  questionnaireProblems,
  scoreRisk,
} from '../../domain/changes/risk.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict, invalid } from '../../errors.ts';
import { readSettingOr, writeSetting } from '../settings/index.ts';
import { assertChangeManager, assertChangeReader, assertChangeWorker, lockChangeForEdit } from './access.ts';
import { loadDetailRow, saveDetailEdit } from './details.ts';

const KEY = 'change.risk_questionnaire';

export async function readQuestionnaire(db: Db): Promise<{ value: RiskQuestionnaire; version: number }> {
  return readSettingOr(db, KEY, DEFAULT_RISK_QUESTIONNAIRE);
}

export async function getQuestionnaire(ctx: AppContext, actor: Actor): Promise<RiskQuestionnaireView> {
  assertChangeReader(actor);
  const q = await readQuestionnaire(ctx.db);
  return { ...q, maxScore: maxScore(q.value) };
}

export async function saveQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  value: RiskQuestionnaire,
  expectedVersion: number | undefined,
  ip: string | null,
): Promise<RiskQuestionnaireView> {
  assertChangeManager(actor, 'edit the risk questionnaire');
  const problems = questionnaireProblems(value);
  if (problems.length) throw invalid(problems, 'The questionnaire cannot be used as it is.');
  const version = await writeSetting(ctx, actor, KEY, value, expectedVersion, ip);
  return { value, version, maxScore: maxScore(value) };
}

/** States in which a change's risk may still be assessed: before the board decides. */
const ASSESSABLE = new Set(['new', 'assess']);

export async function assessRisk(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  answers: Record<string, string>,
  expectedVersion: number | undefined,
): Promise<string> {
  assertChangeWorker(actor);
  const { value: q } = await readQuestionnaire(ctx.db);
  const scored = scoreRisk(q, answers);
  if (!scored.ok) throw invalid(scored.problems, 'Answer every question of the risk questionnaire.');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row, lifecycle } = await lockChangeForEdit(ctx, actor, ref, tx, expectedVersion);
    if (!ASSESSABLE.has(row.state))
      throw conflict(
        `${row.number} is "${stateOf(lifecycle, row.state)?.label ?? row.state}": its risk is assessed before authorisation.`,
      );
    const before = await loadDetailRow(tx, row.id);
    const { score, level } = scored.assessment;
    await saveDetailEdit(
      tx,
      row,
      actor.userId,
      now,
      { riskAnswers: answers, riskScore: score, riskLevel: level },
      [
        {
          field: 'risk',
          oldValue: before.riskLevel ? `${before.riskLevel} (${before.riskScore})` : null,
          newValue: `${level} (${score})`,
        },
      ],
    );
    return row.id;
  });
}
