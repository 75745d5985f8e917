import { describe, expect, it } from 'vitest';
import { availableSteps, checkStep, editMakesNewVersion } from './workflow.ts';

const author = { author: true, owner: true, reviewer: false };
const reviewer = { author: true, owner: false, reviewer: true };
const other = { author: true, owner: false, reviewer: false };
const reader = { author: false, owner: false, reviewer: false };

describe('article workflow', () => {
  it('offers each person the steps they may take', () => {
    expect(availableSteps('draft', author).map((s) => s.key)).toEqual(['submit']);
    expect(availableSteps('in_review', author).map((s) => s.key)).toEqual([]);
    expect(availableSteps('in_review', reviewer).map((s) => s.key)).toEqual(['publish', 'send_back']);
    expect(availableSteps('published', author).map((s) => s.key)).toEqual(['retire']);
    expect(availableSteps('published', other).map((s) => s.key)).toEqual([]);
    expect(availableSteps('retired', reviewer).map((s) => s.key)).toEqual(['reopen']);
    expect(availableSteps('draft', reader)).toEqual([]);
  });

  it('lets only a reviewer publish, and says why not', () => {
    expect(checkStep('in_review', 'publish', reviewer, '').ok).toBe(true);
    const refused = checkStep('in_review', 'publish', author, '');
    expect(refused).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(!refused.ok && refused.message).toMatch(/reviewer/);
  });

  it('refuses steps from the wrong state, unknown steps and a send-back without a reason', () => {
    expect(checkStep('draft', 'publish', reviewer, '')).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(checkStep('draft', 'approve', reviewer, '')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checkStep('in_review', 'send_back', reviewer, ' ')).toMatchObject({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkStep('in_review', 'send_back', reviewer, 'Add steps').ok).toBe(true);
  });

  it('keeps old text as a version only once the article was published', () => {
    expect(editMakesNewVersion('draft')).toBe(false);
    expect(editMakesNewVersion('in_review')).toBe(false);
    expect(editMakesNewVersion('published')).toBe(true);
    expect(editMakesNewVersion('retired')).toBe(true);
  });
});
