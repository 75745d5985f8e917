/**
 * The review and publish workflow of a knowledge article, as data: draft → in review →
 * published → retired. Authors submit their drafts; only a reviewer of the article's category
 * publishes or sends an article back; retiring and reopening a retired article as a draft are the
 * reviewers' and the owner's. Pure: the service asks who the actor is and applies the answer.
 */
export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ARTICLE_STATE_LABELS: Record<ArticleState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  retired: 'Retired',
};

/** Who may take a step: an author (anyone who writes articles), the owner, or a category reviewer. */
export type StepActor = 'author' | 'owner' | 'reviewer';

export type ArticleStep = {
  key: 'submit' | 'publish' | 'send_back' | 'retire' | 'reopen';
  label: string;
  from: readonly ArticleState[];
  to: ArticleState;
  by: readonly StepActor[];
  /** A comment is required (sending back says why). */
  needsComment: boolean;
};

export const ARTICLE_STEPS: readonly ArticleStep[] = [
  {
    key: 'submit',
    label: 'Submit for review',
    from: ['draft'],
    to: 'in_review',
    by: ['author'],
    needsComment: false,
  },
  {
    key: 'publish',
    label: 'Publish',
    from: ['in_review'],
    to: 'published',
    by: ['reviewer'],
    needsComment: false,
  },
  {
    key: 'send_back',
    label: 'Send back to draft',
    from: ['in_review'],
    to: 'draft',
    by: ['reviewer'],
    needsComment: true,
  },
  {
    key: 'retire',
    label: 'Retire',
    from: ['published'],
    to: 'retired',
    by: ['reviewer', 'owner'],
    needsComment: false,
  },
  {
    key: 'reopen',
    label: 'Reopen as draft',
    from: ['retired'],
    to: 'draft',
    by: ['reviewer', 'owner'],
    needsComment: false,
  },
];

export type StepKey = ArticleStep['key'];

export type WorkflowViewer = {
  /** Writes articles at all (role permission). */
  author: boolean;
  /** Owns this article. */
  owner: boolean;
  /** Reviews this article's category. */
  reviewer: boolean;
};

function allowed(step: ArticleStep, viewer: WorkflowViewer): boolean {
  if (!viewer.author && !viewer.reviewer) return false;
  return step.by.some((b) => viewer[b]);
}

/** The steps the viewer may take from the state, in order. */
export function availableSteps(state: ArticleState, viewer: WorkflowViewer): ArticleStep[] {
  return ARTICLE_STEPS.filter((s) => s.from.includes(state) && allowed(s, viewer));
}

export type StepCheck =
  | { ok: true; step: ArticleStep }
  | { ok: false; reason: 'unknown' | 'wrong_state' | 'not_allowed' | 'comment_required'; message: string };

/** Whether the viewer may take the step from the state, and why not. */
export function checkStep(
  state: ArticleState,
  key: string,
  viewer: WorkflowViewer,
  comment: string,
): StepCheck {
  const step = ARTICLE_STEPS.find((s) => s.key === key);
  if (!step) return { ok: false, reason: 'unknown', message: `There is no step "${key}".` };
  if (!step.from.includes(state))
    return {
      ok: false,
      reason: 'wrong_state',
      message: `"${step.label}" is not possible from ${ARTICLE_STATE_LABELS[state]}; it needs ${step.from.map((s) => ARTICLE_STATE_LABELS[s]).join(' or ')}.`,
    };
  if (!allowed(step, viewer))
    return {
      ok: false,
      reason: 'not_allowed',
      message:
        step.by.length === 1 && step.by[0] === 'reviewer'
          ? `Only a reviewer of the article's category may ${step.label.toLowerCase()}.`
          : `Only ${step.by.map((b) => (b === 'author' ? 'an author' : b === 'owner' ? 'the owner' : 'a reviewer')).join(' or ')} may ${step.label.toLowerCase()}.`,
    };
  if (step.needsComment && comment.trim() === '')
    return {
      ok: false,
      reason: 'comment_required',
      message: `Say why when you ${step.label.toLowerCase()}.`,
    };
  return { ok: true, step };
}

/** Editing the text of a published (or retired) article keeps the old text as a version. */
export function editMakesNewVersion(state: ArticleState): boolean {
  return state === 'published' || state === 'retired';
}
