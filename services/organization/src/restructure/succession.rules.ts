import { isInForce } from '@ps/effective-dating';
import { OrganizationBase, OrganizationKind } from '../organization/organization.entity';

/** What becomes of an organization of a unit that ceases. */
export type SuccessionAction = 'CLOSE' | 'TRANSFER';

export interface SuccessionRule {
  kinds: readonly OrganizationKind[] | 'ANY';
  base: OrganizationBase | 'ANY';
  action: SuccessionAction;
}

export interface SuccessionRuleSet {
  validFrom: string;
  validTo: string | null;
  source: { document: string; note: string };
  /** First matching rule wins. */
  rules: readonly SuccessionRule[];
}

const UNIT_BODIES = [
  OrganizationKind.PARTY_ORGANIZATION,
  OrganizationKind.PARTY_COMMITTEE,
  OrganizationKind.PARTY_GRASSROOTS,
  OrganizationKind.PARTY_CELL,
  OrganizationKind.PEOPLES_COUNCIL,
  OrganizationKind.PEOPLES_COMMITTEE,
  OrganizationKind.DEPARTMENT,
  OrganizationKind.FATHERLAND_FRONT,
  OrganizationKind.MASS_ORGANIZATION,
];

/**
 * What follows a merger (or a dissolution with a successor): the ceasing unit's own bodies
 * (its Party organization and committee, People's Council and Committee with its departments,
 * Fatherland Front and mass organizations) close, the successor's carry on; organizations based
 * in institutions it hosts (Party cells of schools and enterprises, public service units,
 * associations) pass to the successor. Which close and which pass is this data, not code.
 */
export const SUCCESSION_RULE_SETS: readonly SuccessionRuleSet[] = [
  {
    validFrom: '2014-01-01',
    validTo: null,
    source: {
      document:
        'Nghị quyết 76/2025/UBTVQH15 và 35/2023/UBTVQH15 về sắp xếp đơn vị hành chính; Luật Tổ chức chính quyền địa phương; Điều lệ Đảng; Kết luận 137-KL/TW (2025)',
      note: 'Chính quyền, cấp ủy, Mặt trận và đoàn thể của đơn vị bị nhập chấm dứt; tổ chức đảng, đơn vị sự nghiệp, hội ở cơ quan, trường học, doanh nghiệp chuyển về đơn vị mới.',
    },
    rules: [
      { kinds: UNIT_BODIES, base: OrganizationBase.UNIT, action: 'CLOSE' },
      { kinds: 'ANY', base: OrganizationBase.INSTITUTION, action: 'TRANSFER' },
      { kinds: 'ANY', base: 'ANY', action: 'TRANSFER' },
    ],
  },
];

/** The action the rules in force on `date` give an organization of a ceasing unit. */
export function successionAction(kind: OrganizationKind, base: OrganizationBase, date: string): SuccessionAction {
  const set = SUCCESSION_RULE_SETS.find((candidate) => isInForce(candidate, date)) ?? SUCCESSION_RULE_SETS[0];
  const rule = set.rules.find((candidate) => (candidate.kinds === 'ANY' || candidate.kinds.includes(kind)) && (candidate.base === 'ANY' || candidate.base === base));
  return rule?.action ?? 'TRANSFER';
}
