import { consumerView } from '@ps/events';
import { EvaluationFinalized } from './evaluation.events';

/** What personnel's rating history, downsizing candidates and reward proposals read of a finalised evaluation: all of it. */
export const evaluationReads = {
  evaluationFinalized: consumerView(EvaluationFinalized, EvaluationFinalized.payload),
};
