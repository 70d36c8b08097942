import { isInForce } from '@ps/effective-dating';
import { OrganizationBase, OrganizationKind } from './organization.entity';

/** What the rules say of one kind of organization. */
export interface KindRule {
  /** The base an organization of this kind has unless the input names one; 'PARENT' takes its parent's. */
  defaultBase: OrganizationBase | 'PARENT';
  /** Kinds its parent may have; `required` when it cannot stand without one. */
  parents: { kinds: readonly OrganizationKind[] | 'ANY'; required: boolean };
  /** Whether a subtype is required (mass organizations) or refused (every other kind). */
  subtype: 'REQUIRED' | 'NONE';
  /** Whether it holds elected or appointed seats itself (a Party organization's seats are its committee's). */
  holdsSeats: boolean;
}

/** A rule set with the period it is in force and the texts it encodes. */
export interface OrganizationRuleSet {
  validFrom: string;
  validTo: string | null;
  source: { document: string; articles: string; note: string };
  kinds: Record<OrganizationKind, KindRule>;
}

const PARTY = [OrganizationKind.PARTY_ORGANIZATION, OrganizationKind.PARTY_GRASSROOTS, OrganizationKind.PARTY_CELL] as const;
const any = { kinds: 'ANY', required: false } as const;

/**
 * How the organizations of the political system fit together. A Party organization (Đảng bộ,
 * Chi bộ) elects its committee (cấp ủy), which belongs to it: members belong to the
 * organization, seats to the committee. Mass organizations carry their subtype.
 */
export const ORGANIZATION_RULE_SETS: readonly OrganizationRuleSet[] = [
  {
    validFrom: '1930-02-03',
    validTo: null,
    source: {
      document: 'Điều lệ Đảng Cộng sản Việt Nam (Đại hội XI, 2011); Luật Tổ chức chính quyền địa phương; Luật Mặt trận Tổ quốc Việt Nam',
      articles: 'Điều lệ Đảng: Điều 9–12 (cơ quan lãnh đạo, cấp ủy do đại hội bầu), Điều 21–25 (tổ chức cơ sở đảng, chi bộ)',
      note: 'Cấp ủy thuộc tổ chức đảng đã bầu ra nó; đảng viên thuộc tổ chức, vị trí (bí thư, ủy viên) thuộc cấp ủy.',
    },
    kinds: {
      PARTY_ORGANIZATION: { defaultBase: OrganizationBase.UNIT, parents: { kinds: [OrganizationKind.PARTY_ORGANIZATION], required: false }, subtype: 'NONE', holdsSeats: false },
      PARTY_COMMITTEE: { defaultBase: 'PARENT', parents: { kinds: PARTY, required: true }, subtype: 'NONE', holdsSeats: true },
      PARTY_GRASSROOTS: { defaultBase: OrganizationBase.INSTITUTION, parents: { kinds: [OrganizationKind.PARTY_ORGANIZATION], required: false }, subtype: 'NONE', holdsSeats: true },
      PARTY_CELL: { defaultBase: OrganizationBase.INSTITUTION, parents: { kinds: [OrganizationKind.PARTY_GRASSROOTS, OrganizationKind.PARTY_ORGANIZATION], required: true }, subtype: 'NONE', holdsSeats: true },
      PEOPLES_COUNCIL: { defaultBase: OrganizationBase.UNIT, parents: any, subtype: 'NONE', holdsSeats: true },
      PEOPLES_COMMITTEE: { defaultBase: OrganizationBase.UNIT, parents: any, subtype: 'NONE', holdsSeats: true },
      DEPARTMENT: { defaultBase: 'PARENT', parents: any, subtype: 'NONE', holdsSeats: true },
      FATHERLAND_FRONT: { defaultBase: OrganizationBase.UNIT, parents: any, subtype: 'NONE', holdsSeats: true },
      MASS_ORGANIZATION: { defaultBase: OrganizationBase.UNIT, parents: any, subtype: 'REQUIRED', holdsSeats: true },
      PUBLIC_SERVICE_UNIT: { defaultBase: OrganizationBase.INSTITUTION, parents: any, subtype: 'NONE', holdsSeats: true },
    },
  },
];

/** The organization rules in force on a date. */
export function organizationRulesOn(date: string): OrganizationRuleSet {
  return ORGANIZATION_RULE_SETS.find((set) => isInForce(set, date)) ?? ORGANIZATION_RULE_SETS[0];
}
