import { TIERS, type SignedIn } from '../auth/principal';
import { DecisionFields, decisionInput, decisionReady, newDecision, type DecisionDraft } from '../components/DecisionFields';
import type { AccountChangeInput, ManagementBody } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** Why an account changes and the decision it rests on, as typed (AccountChangeInput: it takes effect at once). */
export interface AccountChange extends DecisionDraft {
  reason: string;
}

export const newAccountChange = (reason = ''): AccountChange => ({ reason, ...newDecision() });

/** Every part of the change filled in. */
export const changeReady = (change: AccountChange): boolean => change.reason.trim() !== '' && decisionReady(change);

/** The change as the gateway takes it. */
export const changeInput = (change: AccountChange): AccountChangeInput => ({ reason: change.reason.trim(), decision: decisionInput(change) });

/** The capabilities an administrator grants (a recorder is the centre's own). */
const GRANTED_CAPABILITIES = ['admin', 'officer', 'viewer'] as const;

/** The roles the caller may grant: its own tier and those below, below the centre (e.g. `commune-officer`). */
export function grantableRoles(who: SignedIn): string[] {
  const tiers = TIERS.slice(TIERS.indexOf(who.tier)).filter((tier) => tier !== 'NATIONAL');
  return tiers.flatMap((tier) => GRANTED_CAPABILITIES.map((capability) => `${tier.toLowerCase()}-${capability}`));
}

/** The advisory bodies an account may serve (ManagementBody). */
export const ACCOUNT_BODIES = ['ORGANIZATION_BOARD', 'HOME_AFFAIRS'] as const satisfies readonly ManagementBody[];

const WORDS = {
  reason: { vi: 'Lý do', en: 'Reason' },
  bodyNone: { vi: '— không —', en: '— none —' },
  ORGANIZATION_BOARD: { vi: 'Ban Tổ chức', en: 'Organization board' },
  HOME_AFFAIRS: { vi: 'Nội vụ', en: 'Home affairs' },
  chooseRole: { vi: '— chọn vai trò —', en: '— choose a role —' },
};

/** The advisory body's name in the language. */
export function useBodyName(): (body: string | null | undefined) => string {
  const { tr } = useI18n();
  return (body) => (body === 'ORGANIZATION_BOARD' || body === 'HOME_AFFAIRS' ? tr(WORDS[body]) : (body ?? ''));
}

/** The reason, decision number, date and signer every account change cites. */
export function AccountChangeFields({ value, onChange }: { value: AccountChange; onChange(change: AccountChange): void }) {
  const { tr } = useI18n();
  return (
    <>
      <label><span>{tr(WORDS.reason)}</span><input name="reason" required value={value.reason} onChange={(event) => onChange({ ...value, reason: event.target.value })} /></label>
      <DecisionFields value={value} onChange={(decision) => onChange({ ...value, ...decision })} />
    </>
  );
}

/** A choice of the roles the caller may grant. */
export function RoleSelect({ who, value, onChange, label }: { who: SignedIn; value: string; onChange(role: string): void; label: string }) {
  const { tr } = useI18n();
  return (
    <label>
      <span>{label}</span>
      <select name="role" required value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{tr(WORDS.chooseRole)}</option>
        {grantableRoles(who).map((role) => <option key={role} value={role}>{role}</option>)}
      </select>
    </label>
  );
}

/** A choice of advisory body, or none. */
export function BodySelect({ value, onChange, label }: { value: string; onChange(body: string): void; label: string }) {
  const { tr } = useI18n();
  return (
    <label>
      <span>{label}</span>
      <select name="body" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{tr(WORDS.bodyNone)}</option>
        {ACCOUNT_BODIES.map((body) => <option key={body} value={body}>{tr(WORDS[body])}</option>)}
      </select>
    </label>
  );
}
