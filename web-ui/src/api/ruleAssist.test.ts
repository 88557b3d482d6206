import { describe, expect, it } from 'vitest';
import { latestPerColumn, type RuleProposal } from './ruleAssist';

const proposal = (id: string, column: string, status: string): RuleProposal => ({
  proposalId: id,
  generationId: 'gen_1_a',
  target: 'order_status',
  column,
  status,
});

describe('latestPerColumn', () => {
  it('should show the latest proposal of each column unless one was already accepted', () => {
    // Given proposals in the order they were made
    const proposals = [
      proposal('p1', 'status_label', 'rejected'),
      proposal('p2', 'status_label', 'ai_proposed'),
      proposal('p3', 'amount', 'accepted'),
      proposal('p4', 'amount', 'ai_proposed'),
    ];

    // When
    const shown = latestPerColumn(proposals);

    // Then
    expect(shown.map((p) => p.proposalId)).toEqual(['p2', 'p3']);
  });
});
