import { BadUserInputError } from '@ps/errors';
import { ConfigError } from '@ps/service-kit';
import { DEFAULT_MIN_SIMILARITY, minSimilarityFor, parseDutyOverlapConfig } from './duty-overlap.threshold';

describe('DUTY_OVERLAP_MIN_SIMILARITY', () => {
  it('defaults to the documented threshold when unset', () => {
    expect(parseDutyOverlapConfig({})).toEqual({ minSimilarity: DEFAULT_MIN_SIMILARITY });
    expect(DEFAULT_MIN_SIMILARITY).toBe(0.55);
  });

  it('reads a threshold in (0, 1]', () => {
    expect(parseDutyOverlapConfig({ DUTY_OVERLAP_MIN_SIMILARITY: '0.7' })).toEqual({ minSimilarity: 0.7 });
    expect(parseDutyOverlapConfig({ DUTY_OVERLAP_MIN_SIMILARITY: '1' })).toEqual({ minSimilarity: 1 });
  });

  it.each(['0', '-0.2', '1.01', 'cao', 'Infinity'])('refuses %p at start-up, naming the variable', (value) => {
    const attempt = () => parseDutyOverlapConfig({ DUTY_OVERLAP_MIN_SIMILARITY: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DUTY_OVERLAP_MIN_SIMILARITY/);
  });
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('minSimilarityFor', () => {
  const config = { minSimilarity: 0.6 };

  it('uses the configured threshold when the query gives none', () => {
    expect(minSimilarityFor(null, config)).toBe(0.6);
    expect(minSimilarityFor(undefined, config)).toBe(0.6);
  });

  it('uses the one asked for, up to and including 1', () => {
    expect(minSimilarityFor(0.3, config)).toBe(0.3);
    expect(minSimilarityFor(1, config)).toBe(1);
    expect(minSimilarityFor(Number.MIN_VALUE, config)).toBe(Number.MIN_VALUE);
  });

  it.each([0, -0.5, 1.000001, 2, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p with BAD_USER_INPUT, Vietnamese first', (value) => {
    const error = thrown(() => minSimilarityFor(value, config));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error).toMatchObject({
      message: 'Ngưỡng tương đồng phải lớn hơn 0 và không quá 1 / minSimilarity must be greater than 0 and at most 1',
      extensions: { code: 'BAD_USER_INPUT', details: { minSimilarity: value } },
    });
  });
});
