import { describe, expect, it } from 'vitest';
import { ASSET_STATES, ASSET_TRANSITIONS, checkAssetTransition } from './assets.ts';

const nowhere = { assignedToId: null, location: null };

describe('asset lifecycle', () => {
  it('follows ordered → in stock → deployed → in repair → retired → disposed', () => {
    expect(checkAssetTransition('ordered', 'in_stock', nowhere)).toEqual({ ok: true });
    expect(checkAssetTransition('in_stock', 'deployed', { assignedToId: 'u1', location: null })).toEqual({
      ok: true,
    });
    expect(checkAssetTransition('deployed', 'in_repair', nowhere)).toEqual({ ok: true });
    expect(checkAssetTransition('in_repair', 'retired', nowhere)).toEqual({ ok: true });
    expect(checkAssetTransition('retired', 'disposed', nowhere)).toEqual({ ok: true });
  });

  it('refuses skipping ahead and explains where the asset can go', () => {
    const r = checkAssetTransition('ordered', 'deployed', { assignedToId: 'u1', location: null });
    expect(r).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'An asset cannot go from ordered to deployed; it can go to in stock, retired.',
    });
  });

  it('makes disposal final', () => {
    for (const to of ASSET_STATES) {
      const r = checkAssetTransition('disposed', to, nowhere);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('disposal is final');
    }
  });

  it('needs a person or a location to deploy', () => {
    expect(checkAssetTransition('in_stock', 'deployed', nowhere)).toMatchObject({
      ok: false,
      reason: 'needs_assignment',
    });
    expect(checkAssetTransition('in_stock', 'deployed', { assignedToId: null, location: 'HQ 2.14' }).ok).toBe(
      true,
    );
  });

  it('never lists a state as its own successor', () => {
    for (const s of ASSET_STATES) expect(ASSET_TRANSITIONS[s]).not.toContain(s);
  });
});
