import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { DecisionFields, decisionInput, decisionReady, newDecision } from '../components/DecisionFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import type { ConsoleDecideRatingsMutation } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import type { Level } from '../rating-quota';
import { LEVELS, LEVEL_WORDS, WORDS } from './rating-words';

const DECIDE = graphql(`
  mutation ConsoleDecideRatings($input: DecideRatingsInput!) {
    decideRatings(input: $input) { id fullName status level decidedOn appliedRules { rule level source article } }
  }
`);

const W = {
  title: { vi: 'Người đứng đầu quyết định xếp loại (một đợt)', en: 'The head decides the ratings (one batch)' },
  person: { vi: 'Người được đánh giá', en: 'Person' },
  proposed: { vi: 'Mức đề xuất', en: 'Proposed' },
  chosen: { vi: 'Mức quyết định', en: 'Level decided' },
  corruption: { vi: 'Để xảy ra tham nhũng trong đơn vị phụ trách', en: 'Corruption in the unit they run' },
  decide: { vi: 'Quyết định xếp loại', en: 'Decide the ratings' },
  decided: { vi: 'Đã quyết định', en: 'Decided' },
  lowered: { vi: 'hạ mức theo', en: 'lowered by' },
  close: { vi: 'Đóng', en: 'Close' },
  rulesMayLower: { vi: 'Quy tắc xếp loại có thể hạ mức được chọn, không nâng; tỷ lệ HTXS được kiểm tra cho cả đợt.', en: 'The rules may lower a chosen level, never raise it; the HTXS quota is checked for the whole batch.' },
};

/** An evaluation awaiting the head's decision. */
export interface Proposed {
  id: string;
  fullName: string;
  titleCode: string;
  year: number;
  leader: boolean;
  proposedLevel?: Level | null;
}

interface Choice {
  level: Level;
  corruptionInUnit: boolean;
}

type Decided = ConsoleDecideRatingsMutation['decideRatings'];

/** What the decision made of each evaluation, with any rule that lowered the level chosen. */
function Outcome({ decided, onClose }: { decided: Decided; onClose(): void }) {
  const { tr } = useI18n();
  return (
    <div className="notice" role="status">
      <ul data-testid="decided-result">
        {decided.map((evaluation) => (
          <li key={evaluation.id} data-testid="decided-evaluation" data-level={evaluation.level ?? ''}>
            {evaluation.fullName}: <strong>{evaluation.level}</strong> ({tr(W.decided)} {evaluation.decidedOn})
            {evaluation.appliedRules.map((rule) => <span key={rule.rule}> — {tr(W.lowered)} {rule.rule} ({rule.source}, {rule.article})</span>)}
          </li>
        ))}
      </ul>
      <button type="button" name="close" className="secondary" onClick={onClose}>{tr(W.close)}</button>
    </div>
  );
}

/** One line per evaluation in the batch: the level proposed, the level chosen and, for leaders, corruption in their unit. */
function DecisionRows({ evaluations, choices, choose }: { evaluations: Proposed[]; choices: Record<string, Choice>; choose(id: string, change: Partial<Choice>): void }) {
  const { tr } = useI18n();
  return (
    <table>
      <thead><tr><th scope="col">{tr(W.person)}</th><th scope="col">{tr(W.proposed)}</th><th scope="col">{tr(W.chosen)}</th><th scope="col">{tr(W.corruption)}</th></tr></thead>
      <tbody>
        {evaluations.map((evaluation) => (
          <tr key={evaluation.id} data-testid="decision-row">
            <td>{evaluation.fullName} ({evaluation.titleCode})</td>
            <td>{evaluation.proposedLevel ?? '—'}</td>
            <td>
              <select name={`level-${evaluation.id}`} aria-label={`${tr(W.chosen)}: ${evaluation.fullName}`} value={choices[evaluation.id]?.level}
                onChange={(event) => choose(evaluation.id, { level: LEVELS.find((level) => level === event.target.value) ?? choices[evaluation.id]?.level })}>
                {LEVELS.map((level) => <option key={level} value={level}>{level} — {tr(LEVEL_WORDS[level])}</option>)}
              </select>
            </td>
            <td>
              {evaluation.leader && (
                <input type="checkbox" name={`corruption-${evaluation.id}`} aria-label={`${tr(W.corruption)}: ${evaluation.fullName}`} checked={choices[evaluation.id]?.corruptionInUnit ?? false}
                  onChange={(event) => choose(evaluation.id, { corruptionInUnit: event.target.checked })} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The head's decision on a batch of proposed evaluations: a level for each (the proposal by
 * default), corruption in the unit for leaders, on one decision; a quota refusal names the group.
 */
export function RatingDecision({ evaluations, onDone, onCancel }: { evaluations: Proposed[]; onDone(): void; onCancel(): void }) {
  const { tr } = useI18n();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(evaluations.map((evaluation) => [evaluation.id, { level: evaluation.proposedLevel ?? 'HTT', corruptionInUnit: false }])),
  );
  const [decision, setDecision] = useState(newDecision());
  const [decide, { data, loading, error }] = useMutation(DECIDE, { refetchQueries: ['ConsoleEvaluations', 'ConsoleRatingReport'] });
  const choose = (id: string, change: Partial<Choice>) => setChoices((current) => ({ ...current, [id]: { ...current[id], ...change } }));
  const years = [...new Set(evaluations.map((evaluation) => evaluation.year))].join(', ');
  const submit = async () => {
    const decisions = evaluations.map((evaluation) => ({ evaluationId: evaluation.id, ...choices[evaluation.id] }));
    const change = { effectiveDate: decision.date, reason: `Quyết định xếp loại chất lượng năm ${years}`, decision: decisionInput(decision) };
    await decide({ variables: { input: { decisions, change } } }).catch(() => undefined);
  };
  if (data) return <Outcome decided={data.decideRatings} onClose={onDone} />;
  return (
    <form className="decision-form" data-testid="rating-decision" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h4>{tr(W.title)}</h4>
      <p className="muted">{tr(W.rulesMayLower)}</p>
      <DecisionRows evaluations={evaluations} choices={choices} choose={choose} />
      <div className="step-form">
        <DecisionFields value={decision} onChange={setDecision} />
      </div>
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" name="confirmDecision" disabled={!decisionReady(decision) || loading || evaluations.length === 0}>{tr(W.decide)}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{tr(WORDS.cancel)}</button>
      </div>
    </form>
  );
}
