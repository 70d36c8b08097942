import {
  DUTY_KINDS,
  DutyChanged,
  MASS_ORGANIZATION_TYPES,
  ORGANIZATION_BASES,
  ORGANIZATION_KINDS,
  OrganizationCreated,
  SEAT_SELECTIONS,
  TIERS,
} from '@ps/contracts';
import { dutySnapshot } from '../duty/duty.events';
import { Duty, DutyKind } from '../duty/duty.entity';
import { organizationSnapshot } from './organization.events';
import { MassOrganizationType, Organization, OrganizationBase, OrganizationKind } from './organization.entity';
import { SeatSelection } from './seat.entity';
import { Tier } from '../unit/unit.entity';

const decision = { number: '15/QĐ-UBND', date: '2025-06-30', signer: 'Trần Văn Chủ tịch' };
const facts = { effectiveDate: '2025-07-01', reason: 'Kiện toàn tổ chức', decision };

describe('organization event contracts (v1)', () => {
  const organization = Object.assign(new Organization(), {
    id: '0b7f6a4e-2f3c-4d5e-8a9b-1c2d3e4f5a6b',
    unitCode: '25801',
    parentId: null,
    kind: OrganizationKind.PEOPLES_COMMITTEE,
    subtype: null,
    base: OrganizationBase.UNIT,
    name: 'Ủy ban nhân dân xã An Lập',
    searchName: 'uy ban nhan dan xa an lap',
    validFrom: '2025-07-01',
    validTo: null,
  });

  it('carries one version without internal columns', () => {
    const payload = OrganizationCreated.payload.parse({ organization: organizationSnapshot(organization), ...facts });
    expect(payload.organization).toEqual({
      id: organization.id,
      unitCode: '25801',
      parentId: null,
      kind: 'PEOPLES_COMMITTEE',
      subtype: null,
      base: 'UNIT',
      name: 'Ủy ban nhân dân xã An Lập',
      validFrom: '2025-07-01',
      validTo: null,
    });
  });

  it('refuses a payload without its decision', () => {
    const { decision: _missing, ...withoutDecision } = facts;
    expect(() => OrganizationCreated.payload.parse({ organization: organizationSnapshot(organization), ...withoutDecision })).toThrow();
  });

  it('carries a duty with the folded text overlaps match on', () => {
    const duty = Object.assign(new Duty(), {
      id: '1c7f6a4e-2f3c-4d5e-8a9b-1c2d3e4f5a6b',
      kind: DutyKind.DUTY,
      text: 'Quản lý nhà nước về đất đai',
      normalizedText: 'quan ly nha nuoc ve dat dai',
      validFrom: '2025-07-01',
      validTo: null,
    });
    const payload = DutyChanged.payload.parse({ action: 'ADDED', organizationId: organization.id, unitCode: '25801', duty: dutySnapshot(duty), ...facts });
    expect(payload.duty.normalizedText).toBe('quan ly nha nuoc ve dat dai');
  });
});

describe('the contracts\' value lists', () => {
  // Contracts cannot import the service's enums; the snapshots' types catch a value the
  // contract lacks, this catches one the service dropped.
  it.each([
    ['Tier', Object.values(Tier), TIERS],
    ['OrganizationKind', Object.values(OrganizationKind), ORGANIZATION_KINDS],
    ['MassOrganizationType', Object.values(MassOrganizationType), MASS_ORGANIZATION_TYPES],
    ['OrganizationBase', Object.values(OrganizationBase), ORGANIZATION_BASES],
    ['SeatSelection', Object.values(SeatSelection), SEAT_SELECTIONS],
    ['DutyKind', Object.values(DutyKind), DUTY_KINDS],
  ])('name exactly the values of %s', (_enum, values, listed) => {
    expect([...values].sort()).toEqual([...listed].sort());
  });
});
