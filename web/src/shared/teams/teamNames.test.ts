import { describe, expect, it } from 'vitest';
import { teamNameWarning } from './teamNames';

const names = [
  { name: 'Cards', branches: ['LON', 'SH'] },
  { name: '银行卡小组', branches: ['SH'] },
];

describe('teamNameWarning', () => {
  it('stays quiet for a known name, whatever its case or spaces, as rules match it', () => {
    expect(teamNameWarning('Cards', names)).toBe(false);
    expect(teamNameWarning('  cards ', names)).toBe(false);
    expect(teamNameWarning('银行卡小组', names)).toBe(false);
  });

  it('warns about a name no active team carries', () => {
    expect(teamNameWarning('Card', names)).toBe(true);
    expect(teamNameWarning('Loans', [])).toBe(true);
  });

  it('says nothing while the names load or when nothing is typed', () => {
    expect(teamNameWarning('Loans', undefined)).toBe(false);
    expect(teamNameWarning('', names)).toBe(false);
    expect(teamNameWarning('   ', names)).toBe(false);
    expect(teamNameWarning(null, names)).toBe(false);
  });
});
