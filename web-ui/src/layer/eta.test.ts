import { describe, expect, it } from 'vitest';
import { checkProgress, describeEta } from './eta';

const now = Date.parse('2026-12-03T10:00:00Z');

describe('describeEta', () => {
  it('shouldSayTheTimeLeftBeforeTheEstimate', () => {
    // Given / When / Then
    expect(describeEta('2026-12-03T10:01:15Z', now)).toEqual({ left: 75, overdue: 0, text: 'about 1 min 15 s left' });
  });

  it('shouldSayByHowMuchTheWorkIsLateOnceTheEstimateHasPassed', () => {
    // Given / When / Then
    expect(describeEta('2026-12-03T09:59:40Z', now)).toEqual({ left: 0, overdue: 20, text: '20 s past the estimate, still working' });
  });

  it('shouldSayEstimatingWithoutAnEstimate', () => {
    // Given / When / Then
    expect(describeEta(null, now).text).toBe('estimating…');
    expect(describeEta('not a date', now).left).toBeNull();
  });
});

describe('checkProgress', () => {
  it('shouldCountTheChecksOfTheLatestRoundOnly', () => {
    // Given
    const validations = [
      { check: 'parse', status: 'fail', total: 4, checkpoint: 1 },
      { check: 'parse', status: 'pass', total: 3, checkpoint: 2 },
      { check: 'rows', status: 'error', total: 3, checkpoint: 2 },
    ];

    // When
    const progress = checkProgress(validations);

    // Then
    expect(progress).toEqual({ done: 2, total: 3, failed: 1 });
  });

  it('shouldNotKnowTheTotalBeforeACheckSaysIt', () => {
    // Given / When / Then
    expect(checkProgress([{ check: 'x', status: 'pass' }])).toEqual({ done: 1, total: null, failed: 0 });
    expect(checkProgress([])).toEqual({ done: 0, total: null, failed: 0 });
  });
});
