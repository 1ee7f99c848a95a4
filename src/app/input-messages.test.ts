import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput } from './org/org-input.js';

const records = z.strictObject({
  scope: z.coerce.number().int().min(1).max(3).optional(),
  role: z.enum(['admin', 'auditor']).optional(),
  reason: z.string().min(1),
  tags: z.array(z.string()).max(2).optional(),
  email: z.email().optional(),
});

const refusal = (input: unknown): string => {
  try {
    parseInput(records, input);
    return 'accepted';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('input messages', () => {
  it('words a refused field as the product does, where the schema gives no words of its own', () => {
    expect(refusal({ reason: 'x', scope: 4 })).toBe('scope: must be at most 3');
    expect(refusal({ reason: 'x', scope: 0 })).toBe('scope: must be at least 1');
    expect(refusal({ reason: 'x', role: 'boss' })).toBe('role: must be one of: admin, auditor');
    expect(refusal({})).toBe('reason: is required');
    expect(refusal({ reason: 7 })).toBe('reason: must be text (not 7)');
    expect(refusal({ reason: '' })).toBe('reason: must not be empty');
    expect(refusal({ reason: 'x', tags: ['a', 'b', 'c'] })).toBe('tags: must hold at most 2 items');
    expect(refusal({ reason: 'x', email: 'nobody' })).toBe('email: must be an e-mail address');
    expect(refusal({ reason: 'x', 'grid-region': 'US' })).toBe('unknown field "grid-region"');
  });

  it('leaves a schema\'s own words alone', () => {
    expect(refusal({ reason: 'x' })).toBe('accepted');
    expect(() => parseInput(z.object({ n: z.number().max(3, 'must be a scope 1–3') }), { n: 9 })).toThrow('n: must be a scope 1–3');
  });
});
