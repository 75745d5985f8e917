/**
 * Review-by reminders: once a published article reaches its review-by date, its owner gets one
 * in-app notification for that date (moving the date arms a new reminder). Idempotent: the date
 * reminded of is recorded in the same transaction as the notification.
 */
import { and, eq, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { isoDate } from '../../shared/time.ts';
import { queueNotifications } from '../notify/index.ts';
import { knowledgeArticles as a } from './schema.ts';

export const REVIEW_REMINDER_QUEUE = 'knowledge.review-reminders';

export async function sendReviewReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = isoDate(now);
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: a.id, number: a.number, title: a.title, ownerId: a.ownerId, reviewBy: a.reviewBy })
      .from(a)
      .where(
        and(
          eq(a.state, 'published'),
          isNotNull(a.reviewBy),
          lte(a.reviewBy, today),
          or(isNull(a.reviewRemindedFor), ne(a.reviewRemindedFor, sql`${a.reviewBy}`)),
        ),
      )
      .for('update', { skipLocked: true })
      .limit(500);
    if (due.length === 0) return 0;
    await queueNotifications(
      tx,
      now,
      due.map((d) => ({
        recipientId: d.ownerId,
        recordId: null,
        kind: 'knowledge.review_due',
        subject: `Review due: ${d.number} ${d.title}`,
        body: `The article ${d.number} was to be reviewed by ${d.reviewBy}. Check it is still right, then set a new review-by date or retire it.`,
      })),
    );
    for (const d of due) await tx.update(a).set({ reviewRemindedFor: d.reviewBy }).where(eq(a.id, d.id));
    return due.length;
  });
}
