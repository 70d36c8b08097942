import { todayInVietnam } from '../api/dates';
import type { DecisionInput } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { DateField } from './DateField';

/** The decision a write cites, as typed: its number, the day it was signed and who signed it. */
export interface DecisionDraft {
  number: string;
  date: string;
  signer: string;
}

/** A decision not yet filled in, dated today. */
export const newDecision = (): DecisionDraft => ({ number: '', date: todayInVietnam(), signer: '' });

/** Number, date and signer all given. */
export const decisionReady = (draft: DecisionDraft): boolean => draft.number.trim() !== '' && draft.signer.trim() !== '' && draft.date !== '';

/** The decision as the gateway takes it. */
export const decisionInput = (draft: DecisionDraft): DecisionInput => ({ number: draft.number.trim(), date: draft.date, signer: draft.signer.trim() });

interface Props {
  value: DecisionDraft;
  onChange(draft: DecisionDraft): void;
  /** What the document is called where it is not a decision (e.g. the minutes of a staff meeting). */
  numberLabel?: string;
}

/** The decision's number, date and signer: the fields every dated write asks for. */
export function DecisionFields({ value, onChange, numberLabel }: Props) {
  const { t } = useI18n();
  const set = (part: Partial<DecisionDraft>) => onChange({ ...value, ...part });
  return (
    <>
      <label><span>{numberLabel ?? t('decisionNumber')}</span><input name="decisionNumber" required value={value.number} onChange={(event) => set({ number: event.target.value })} /></label>
      <DateField name="decisionDate" label={t('decisionDate')} value={value.date} onChange={(date) => set({ date })} />
      <label><span>{t('signer')}</span><input name="signer" required value={value.signer} onChange={(event) => set({ signer: event.target.value })} /></label>
    </>
  );
}
