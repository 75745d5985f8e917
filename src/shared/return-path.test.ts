import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.ts';

describe('the sign-in return path', () => {
  it('keeps paths of this site with their query and fragment', () => {
    expect(safeReturnPath('/incidents/INC0001001?tab=activity#c2')).toBe(
      '/incidents/INC0001001?tab=activity#c2',
    );
    expect(safeReturnPath('/portal')).toBe('/portal');
  });

  it('treats other sites, tricks and the sign-in page as no return path', () => {
    for (const bad of [
      null,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/\tevil',
      'javascript:alert(1)',
      '/signin',
      '/signin?from=/x',
    ]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});
