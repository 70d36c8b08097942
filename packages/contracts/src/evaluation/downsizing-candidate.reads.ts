import { consumerView } from '@ps/events';
import { DownsizingCandidateIdentified } from './downsizing-candidate.events';

/** What personnel's candidate inbox reads of evaluation's candidates: all of it. */
export const downsizingCandidateReads = {
  downsizingCandidateIdentified: consumerView(DownsizingCandidateIdentified, DownsizingCandidateIdentified.payload),
};
