import { BadUserInputError } from '@ps/errors';
import { loadEnv } from '@ps/service-kit';
import { z } from 'zod';

/**
 * The least pg_trgm `similarity()` of two folded duty texts for them to count as one duty
 * reworded, when neither the caller nor DUTY_OVERLAP_MIN_SIMILARITY says otherwise.
 * Chosen on labelled commune duties: the Farmers' Union / People's Committee rewording scores
 * 0.71, whereas two "Quản lý nhà nước về …" duties on different fields mostly stay below 0.55.
 * Texts that differ only in a short object ("… về thuế" / "… về thủy lợi") stay out of reach
 * of trigrams at any useful threshold: they are reported, and the score shows them.
 */
export const DEFAULT_MIN_SIMILARITY = 0.55;

/** Above 0, at most 1. At 1 only texts with the same trigrams pair: in practice the same words, in any order. */
const threshold = z.number().gt(0).lte(1);

/**
 * The organization service's own variables for this feature. Spread into the service's env
 * shape once service-kit lets a service extend it; until then read by {@link dutyOverlapConfig}.
 */
export const dutyOverlapEnvShape = {
  DUTY_OVERLAP_MIN_SIMILARITY: z.coerce.number().pipe(threshold).default(DEFAULT_MIN_SIMILARITY),
};

export interface DutyOverlapConfig {
  /** Threshold used when a query gives none. */
  minSimilarity: number;
}

/** Validates the feature's variables (ConfigError naming the variable when malformed). */
export function parseDutyOverlapConfig(source: NodeJS.ProcessEnv): DutyOverlapConfig {
  const env = loadEnv(z.object(dutyOverlapEnvShape), source);
  return { minSimilarity: env.DUTY_OVERLAP_MIN_SIMILARITY };
}

let processConfig: DutyOverlapConfig | undefined;

/** The process's configuration, read and validated once (runService has loaded `.env` by then). */
export function dutyOverlapConfig(): DutyOverlapConfig {
  processConfig ??= parseDutyOverlapConfig(process.env);
  return processConfig;
}

/** The threshold a query runs with: the one asked for, validated, or the configured default. */
export function minSimilarityFor(requested: number | null | undefined, config: DutyOverlapConfig): number {
  if (requested === null || requested === undefined) return config.minSimilarity;
  if (!threshold.safeParse(requested).success) {
    throw new BadUserInputError(
      'Ngưỡng tương đồng phải lớn hơn 0 và không quá 1',
      'minSimilarity must be greater than 0 and at most 1',
      { minSimilarity: requested },
    );
  }
  return requested;
}
