import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { DecisionFields, decisionInput, decisionReady, newDecision } from '../components/DecisionFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n, type Bilingual } from '../i18n/i18n';
import type { Level } from '../rating-quota';
import { LEVELS, LEVEL_WORDS, WORDS } from './rating-words';

const SELF = graphql(`mutation ConsoleRecordSelfAssessment($input: RecordSelfAssessmentInput!) { recordSelfAssessment(input: $input) { id status selfLevel } }`);
const MEETING = graphql(`mutation ConsoleRecordStaffMeeting($input: RecordStaffMeetingCommentsInput!) { recordStaffMeetingComments(input: $input) { id status } }`);
const PROPOSE = graphql(`mutation ConsoleProposeRating($input: ProposeRatingInput!) { proposeRating(input: $input) { id status proposedLevel } }`);

/** The steps before the head's decision, by the status they follow. */
export type StepStatus = 'OPEN' | 'SELF_ASSESSED' | 'COMMENTED';
export const isStepStatus = (status: string): status is StepStatus => status === 'OPEN' || status === 'SELF_ASSESSED' || status === 'COMMENTED';

interface StepText {
  action: Bilingual;
  document: Bilingual;
  reason: (year: number) => string;
  withLevel: boolean;
}

/** What each step is called, the record it rests on and the reason it is written with. */
export const STEP_TEXT: Record<StepStatus, StepText> = {
  OPEN: {
    action: { vi: 'Ghi tự đánh giá', en: 'Record self-assessment' },
    document: { vi: 'Số bản tự đánh giá', en: 'Self-assessment record no.' },
    reason: (year) => `Cá nhân tự đánh giá, xếp loại chất lượng năm ${year}`,
    withLevel: true,
  },
  SELF_ASSESSED: {
    action: { vi: 'Ghi ý kiến tập thể', en: 'Record staff meeting' },
    document: { vi: 'Số biên bản họp', en: 'Meeting minutes no.' },
    reason: (year) => `Tập thể góp ý tại cuộc họp đánh giá năm ${year}`,
    withLevel: false,
  },
  COMMENTED: {
    action: { vi: 'Đề xuất mức xếp loại', en: 'Propose a level' },
    document: { vi: 'Số văn bản đề xuất', en: 'Proposal document no.' },
    reason: (year) => `Người quản lý trực tiếp đề xuất mức xếp loại năm ${year}`,
    withLevel: true,
  },
};

const REFETCH = ['ConsoleEvaluations', 'ConsoleRatingReport'];

interface Props {
  evaluation: { id: string; year: number; selfLevel?: Level | null };
  status: StepStatus;
  onDone(): void;
  onCancel(): void;
}

/** The next step on one evaluation (self-assessment, staff meeting comments or the manager's proposal), on a dated record; a refusal says why. */
export function EvaluationStep({ evaluation, status, onDone, onCancel }: Props) {
  const { tr } = useI18n();
  const text = STEP_TEXT[status];
  const [level, setLevel] = useState<Level>(evaluation.selfLevel ?? 'HTT');
  const [comment, setComment] = useState('');
  const [decision, setDecision] = useState(newDecision());
  const [self, selfState] = useMutation(SELF, { refetchQueries: REFETCH });
  const [meeting, meetingState] = useMutation(MEETING, { refetchQueries: REFETCH });
  const [propose, proposeState] = useMutation(PROPOSE, { refetchQueries: REFETCH });
  const state = { OPEN: selfState, SELF_ASSESSED: meetingState, COMMENTED: proposeState }[status];
  const ready = comment.trim() && decisionReady(decision);
  const submit = async () => {
    const change = { effectiveDate: decision.date, reason: text.reason(evaluation.year), decision: decisionInput(decision) };
    const base = { evaluationId: evaluation.id, comment: comment.trim(), change };
    const run = status === 'OPEN' ? self({ variables: { input: { ...base, level } } })
      : status === 'SELF_ASSESSED' ? meeting({ variables: { input: base } })
        : propose({ variables: { input: { ...base, level } } });
    await run.then(onDone, () => undefined);
  };
  return (
    <form className="step-form" data-testid="evaluation-step" data-step={status} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      {text.withLevel && (
        <label><span>{tr(WORDS.level)}</span>
          <select name="level" value={level} onChange={(event) => setLevel(LEVELS.find((option) => option === event.target.value) ?? level)}>
            {LEVELS.map((option) => <option key={option} value={option}>{option} — {tr(LEVEL_WORDS[option])}</option>)}
          </select>
        </label>
      )}
      <label><span>{tr(WORDS.comment)}</span><input name="comment" required value={comment} onChange={(event) => setComment(event.target.value)} /></label>
      <DecisionFields value={decision} onChange={setDecision} numberLabel={tr(text.document)} />
      <ErrorNotice error={state.error} />
      <div className="actions">
        <button type="submit" name="confirm" disabled={!ready || state.loading}>{tr(text.action)}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{tr(WORDS.cancel)}</button>
      </div>
    </form>
  );
}
