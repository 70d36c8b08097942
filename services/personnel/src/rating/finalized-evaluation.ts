import type { evaluationReads } from '@ps/contracts';
import type { z } from 'zod';

/** An evaluation as evaluation finalised it, at one revision: what personnel's rating history, candidates and proposals read. */
export type FinalizedEvaluation = z.output<typeof evaluationReads.evaluationFinalized.payload>;
