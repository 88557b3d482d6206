import { describe, expect, it } from 'vitest';
import { projectNameProblem, projectsOf } from './documents';

describe('projectsOf', () => {
  it('gives each project once, by name, and leaves out documents of none', () => {
    expect(projectsOf([{ projectId: 'sales' }, { projectId: null }, { projectId: 'Finance' }, { projectId: 'sales' }, {}, { projectId: '  ' }])).toEqual(['Finance', 'sales']);
  });
});

describe('projectNameProblem', () => {
  it('accepts letters, digits, spaces, dots, underscores and dashes, in any script', () => {
    expect(projectNameProblem('q3-finance_2026.v2 draft')).toBeNull();
    expect(projectNameProblem('Übersicht')).toBeNull();
  });

  it('names what is wrong: nothing, too long, a character a name may not have', () => {
    expect(projectNameProblem('   ')).toBe('Name the project.');
    expect(projectNameProblem('x'.repeat(65))).toMatch(/at most 64 characters \(this one has 65\)/);
    expect(projectNameProblem('sales/2026')).toMatch(/only letters, digits/);
  });
});
