/**
 * Notices to other instances (a cached value to drop, a record that changed for live updates),
 * sent without a NOTIFY in the changing transaction. The writer puts the notice into
 * `notice_outbox` (queueNotice here; the live triggers of migration 0034); the relay sends the
 * committed ones by NOTIFY on their channel, in a statement of its own.
 *
 * Why not NOTIFY in the changing transaction: PostgreSQL holds one lock per database from a
 * notifying transaction's pre-commit until its commit is flushed, so notifying transactions
 * commit one at a time, each waiting for its own WAL flush instead of sharing one. Every record
 * write notified (its live announcement), and inserting records under 8 concurrent writers ran at
 * a quarter of the rate without the notice. The outbox is unlogged, so writing it costs no WAL; the
 * relay's statement deletes unlogged rows and notifies, writes no WAL either, and so commits
 * without a flush and holds that lock only for a moment.
 *
 * Every instance runs a relay: woken a few milliseconds after each transaction it commits (one
 * round carries what several commits wrote) and every half second besides, for writes made outside
 * a transaction, by an instance that stopped, or by another program. Rows are claimed with SKIP
 * LOCKED, so two instances never send the same row. A crash of the database empties an unlogged
 * table: what was in it is lost, but every instance's listening connection dropped too, and a
 * listener that reconnects drops all it cached (and tells browsers to refetch).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Db, queryRows } from './client.ts';
import { noticeOutbox } from './notice-outbox-table.ts';

/** Send `payload` on `channel` to every listening instance once the transaction `tx` commits. */
export async function queueNotice(tx: Db, channel: string, payload: string): Promise<void> {
  await tx.insert(noticeOutbox).values({ channel, payload });
}

export type NoticeRelayOptions = {
  /** How long after a commit the relay runs, so that commits close together share a round. */
  soonMs?: number;
  /** How often it looks without being woken. */
  idleMs?: number;
  /** Rows sent in one statement (each is one NOTIFY). */
  batch?: number;
  onError?: (err: unknown) => void;
};

export class NoticeRelay {
  private readonly soonMs: number;
  private readonly idleMs: number;
  private readonly batch: number;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private dueAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | undefined;
  private again = false;
  /** Whether the last round failed (an outage is reported once, not every round). */
  private failing = false;
  private stopped = false;
  private readonly wake = () => this.soon();

  private readonly database: Database;

  constructor(database: Database, opts: NoticeRelayOptions = {}) {
    this.database = database;
    this.soonMs = opts.soonMs ?? 5;
    this.idleMs = opts.idleMs ?? 500;
    this.batch = opts.batch ?? 500;
    this.onError = opts.onError ?? (() => {});
    database.committed.add(this.wake);
    this.schedule(this.idleMs);
  }

  /** Run a round shortly (after a commit). */
  soon(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(this.soonMs);
  }

  /** Send what is committed in the outbox now; resolves when the outbox held nothing more. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.round();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.database.committed.delete(this.wake);
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const due = Date.now() + ms;
    if (this.timer && this.dueAt <= due) return;
    clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = Number.POSITIVE_INFINITY;
      this.running = this.round()
        .then(
          () => {
            this.failing = false;
          },
          (err: unknown) => {
            if (!this.failing) this.onError(err);
            this.failing = true;
          },
        )
        .finally(() => {
          this.running = undefined;
          const again = this.again;
          this.again = false;
          this.schedule(again ? this.soonMs : this.idleMs);
        });
    }, ms);
    this.timer.unref();
  }

  private get sendSql(): SQL {
    return sql`
      with moved as (
        delete from notice_outbox
        where id in (select id from notice_outbox order by id limit ${this.batch} for update skip locked)
        returning id, channel, payload
      )
      select count(*)::int as sent
      from (select pg_notify(channel, payload) from moved order by id) as notified`;
  }

  /** Send committed rows until a round finds fewer than a batch. */
  private async round(): Promise<void> {
    for (;;) {
      const [moved] = await queryRows<{ sent: number }>(this.database.db, this.sendSql);
      if ((moved?.sent ?? 0) < this.batch || this.stopped) return;
    }
  }
}
