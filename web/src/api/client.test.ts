import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldLabel } from './client.ts';

describe('fieldLabel', () => {
  it.each([
    ['body.supplierId', 'Supplier'],
    ['body.endDate', 'End date'],
    ['body.title', 'Title'],
    ['body.targets.0.responseMinutes', 'Response minutes'],
    ['query.limit', 'Limit'],
    ['name', 'Name'],
    ['id', 'Id'],
  ])('%s reads %s', (field, label) => expect(fieldLabel(field)).toBe(label));
});

describe('errorMessage', () => {
  const problem = (errors?: { field: string; message: string }[]) =>
    new ApiError(
      400,
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        code: 'request.invalid',
        instance: '/api/v1/contracts',
        requestId: 'req-1',
        detail: 'The request has invalid fields: body.endDate: is required; body.supplierId: must be a UUID',
        ...(errors ? { errors } : {}),
      },
      'Request failed',
    );

  it('names invalid fields as a form does, not by their paths in the request', () => {
    expect(
      errorMessage(
        problem([
          { field: 'body.endDate', message: 'is required' },
          { field: 'body.supplierId', message: 'must be a UUID' },
        ]),
      ),
    ).toBe('End date is required. Supplier must be a UUID.');
  });

  it('lets a sentence of its own stand alone, and puts a validator’s own wording or a denial after a colon', () => {
    expect(
      errorMessage(
        problem([
          { field: 'body.recipientUserIds', message: 'name at least one person or group' },
          { field: 'body.title', message: 'Too small: expected string to have >=1 characters' },
          { field: 'body.calendarId', message: 'no calendar with this id' },
          { field: 'body.states.1', message: 'State "Escalated" cannot be reached from "new".' },
        ]),
      ),
    ).toBe(
      'Name at least one person or group. Title: Too small: expected string to have >=1 characters. ' +
        'Calendar: no calendar with this id. States: State "Escalated" cannot be reached from "new".',
    );
  });

  it("keeps the server's words when no field is named", () => {
    expect(errorMessage(problem())).toMatch(/^The request has invalid fields/);
  });
});
