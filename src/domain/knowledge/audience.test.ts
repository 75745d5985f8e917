import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, type Audience, audienceProblem, mayRead, type Reader, readerFilter } from './audience.ts';
import { ARTICLE_STATES } from './workflow.ts';

const staff: Reader = { staff: true, customerOf: new Set() };
const requester: Reader = { staff: false, customerOf: new Set() };
const payrollCustomer: Reader = { staff: false, customerOf: new Set(['payroll']) };

const article = (audience: Audience, state = 'published', audienceServiceId: string | null = null) => ({
  audience,
  state,
  audienceServiceId,
});

describe('who reads an article', () => {
  it('lets staff read everything, retired and drafts included', () => {
    for (const state of ARTICLE_STATES)
      for (const audience of AUDIENCES)
        expect(mayRead(staff, article(audience, state, 'payroll'))).toBe(true);
  });

  it('never shows an internal article to anyone outside the staff', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ARTICLE_STATES),
        fc.uniqueArray(fc.string(), { maxLength: 4 }),
        fc.option(fc.string(), { nil: null }),
        (state, services, serviceId) =>
          !mayRead({ staff: false, customerOf: new Set(services) }, article('internal', state, serviceId)),
      ),
    );
  });

  it('shows requesters only published articles meant for them', () => {
    expect(mayRead(requester, article('requesters'))).toBe(true);
    for (const state of ['draft', 'in_review', 'retired'])
      expect(mayRead(requester, article('requesters', state))).toBe(false);
  });

  it("shows a service's article to that service's customers only", () => {
    expect(mayRead(payrollCustomer, article('customers', 'published', 'payroll'))).toBe(true);
    expect(mayRead(payrollCustomer, article('customers', 'published', 'email'))).toBe(false);
    expect(mayRead(requester, article('customers', 'published', 'payroll'))).toBe(false);
    expect(mayRead(payrollCustomer, article('customers', 'published', null))).toBe(false);
  });

  it('gives lists the same answer as the single-article rule', () => {
    expect(readerFilter(staff)).toBeNull();
    expect(readerFilter(payrollCustomer)).toEqual({ customerServiceIds: ['payroll'] });
  });

  it('asks for a service when the audience is its customers', () => {
    expect(audienceProblem('customers', null)).toMatch(/service/);
    expect(audienceProblem('customers', 'payroll')).toBeNull();
    expect(audienceProblem('internal', null)).toBeNull();
  });
});
