/**
 * The asset lifecycle (ITIL IT asset management): ordered → in stock → deployed → in repair →
 * retired → disposed, with the moves between them that a real estate needs (back to stock after
 * a repair, reinstating a retired asset). Disposal is final.
 */

export const ASSET_STATES = ['ordered', 'in_stock', 'deployed', 'in_repair', 'retired', 'disposed'] as const;
export type AssetState = (typeof ASSET_STATES)[number];

export const ASSET_STATE_LABELS: Record<AssetState, string> = {
  ordered: 'Ordered',
  in_stock: 'In stock',
  deployed: 'Deployed',
  in_repair: 'In repair',
  retired: 'Retired',
  disposed: 'Disposed',
};

export const ASSET_TRANSITIONS: Record<AssetState, readonly AssetState[]> = {
  ordered: ['in_stock', 'retired'],
  in_stock: ['deployed', 'in_repair', 'retired'],
  deployed: ['in_stock', 'in_repair', 'retired'],
  in_repair: ['in_stock', 'deployed', 'retired'],
  retired: ['in_stock', 'disposed'],
  disposed: [],
};

export type AssetTransitionFacts = { assignedToId: string | null; location: string | null };

export type AssetTransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' | 'needs_assignment'; message: string };

export function isAssetState(s: string): s is AssetState {
  return (ASSET_STATES as readonly string[]).includes(s);
}

/**
 * Whether an asset may move from `from` to `to`, given its assignment after the move: a deployed
 * asset must be with someone or somewhere, or nobody could find it again.
 */
export function checkAssetTransition(
  from: AssetState,
  to: AssetState,
  after: AssetTransitionFacts,
): AssetTransitionCheck {
  if (!ASSET_TRANSITIONS[from].includes(to)) {
    const next = ASSET_TRANSITIONS[from].map((s) => ASSET_STATE_LABELS[s].toLowerCase());
    const options = next.length ? `it can go to ${next.join(', ')}` : 'disposal is final';
    return {
      ok: false,
      reason: 'not_allowed',
      message: `An asset cannot go from ${ASSET_STATE_LABELS[from].toLowerCase()} to ${ASSET_STATE_LABELS[to].toLowerCase()}; ${options}.`,
    };
  }
  if (to === 'deployed' && after.assignedToId === null && !after.location?.trim()) {
    return {
      ok: false,
      reason: 'needs_assignment',
      message: 'A deployed asset must be assigned to a person or a location.',
    };
  }
  return { ok: true };
}
