import { EffectiveVersion } from '@ps/effective-dating';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** Kinds of organizations of the political system inside a unit. */
export enum OrganizationKind {
  PARTY_ORGANIZATION = 'PARTY_ORGANIZATION',
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_GRASSROOTS = 'PARTY_GRASSROOTS',
  PARTY_CELL = 'PARTY_CELL',
  PEOPLES_COUNCIL = 'PEOPLES_COUNCIL',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  DEPARTMENT = 'DEPARTMENT',
  FATHERLAND_FRONT = 'FATHERLAND_FRONT',
  MASS_ORGANIZATION = 'MASS_ORGANIZATION',
  PUBLIC_SERVICE_UNIT = 'PUBLIC_SERVICE_UNIT',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Loại tổ chức trong hệ thống chính trị / kind of organization of the political system',
  valuesConfig: {
    PARTY_ORGANIZATION: { description: 'Đảng bộ tỉnh, huyện (tổ chức đảng cấp trên cơ sở) / Party organization above the grassroots' },
    PARTY_COMMITTEE: {
      description: 'Cấp ủy (Tỉnh ủy, Huyện ủy, Đảng ủy, Chi ủy), do tổ chức đảng bầu ra và thuộc tổ chức đó / a Party committee, elected by and belonging to a Party organization',
    },
    PARTY_GRASSROOTS: { description: 'Tổ chức cơ sở Đảng (Đảng bộ cơ sở, Chi bộ cơ sở) / grassroots Party organization' },
    PARTY_CELL: { description: 'Chi bộ trực thuộc / Party cell' },
    PEOPLES_COUNCIL: { description: 'Hội đồng nhân dân (HĐND) / People’s Council' },
    PEOPLES_COMMITTEE: { description: 'Ủy ban nhân dân (UBND) / People’s Committee' },
    DEPARTMENT: { description: 'Phòng, ban / department, board' },
    FATHERLAND_FRONT: { description: 'Mặt trận Tổ quốc (MTTQ) / Fatherland Front' },
    MASS_ORGANIZATION: { description: 'Đoàn thể, hội (xem subtype) / mass organization or association (see subtype)' },
    PUBLIC_SERVICE_UNIT: { description: 'Đơn vị sự nghiệp công lập / public service unit' },
  },
});

/** Which mass organization (đoàn thể) or association a MASS_ORGANIZATION is. */
export enum MassOrganizationType {
  YOUTH_UNION = 'YOUTH_UNION',
  WOMENS_UNION = 'WOMENS_UNION',
  FARMERS_UNION = 'FARMERS_UNION',
  VETERANS_ASSOCIATION = 'VETERANS_ASSOCIATION',
  TRADE_UNION = 'TRADE_UNION',
  OTHER_ASSOCIATION = 'OTHER_ASSOCIATION',
}

registerEnumType(MassOrganizationType, {
  name: 'MassOrganizationType',
  description: 'Loại đoàn thể, hội / mass organization subtype',
  valuesConfig: {
    YOUTH_UNION: { description: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh / Ho Chi Minh Communist Youth Union' },
    WOMENS_UNION: { description: 'Hội Liên hiệp Phụ nữ / Women’s Union' },
    FARMERS_UNION: { description: 'Hội Nông dân / Farmers’ Union' },
    VETERANS_ASSOCIATION: { description: 'Hội Cựu chiến binh / Veterans’ Association' },
    TRADE_UNION: { description: 'Công đoàn / Trade Union' },
    OTHER_ASSOCIATION: { description: 'Hội khác (Chữ thập đỏ, Người cao tuổi, Khuyến học…) / another association' },
  },
});

/**
 * Whether an organization is one of the unit's own bodies (its Party organization and
 * committee, People's Council and Committee, Fatherland Front, the unit's mass organizations)
 * or is based in an institution the unit hosts (a school's or an enterprise's Party cell, a
 * public service unit, an association). A restructuring treats them differently (rule data).
 */
export enum OrganizationBase {
  UNIT = 'UNIT',
  INSTITUTION = 'INSTITUTION',
}

registerEnumType(OrganizationBase, {
  name: 'OrganizationBase',
  description: 'Tổ chức của chính đơn vị hành chính, hay đặt tại một cơ quan, trường học, doanh nghiệp / the unit’s own body, or based in an institution',
  valuesConfig: {
    UNIT: { description: 'Của đơn vị hành chính (cấp ủy, HĐND, UBND, MTTQ, đoàn thể xã…) / one of the unit’s own bodies' },
    INSTITUTION: { description: 'Đặt tại cơ quan, trường học, doanh nghiệp, thôn ấp / based in an institution the unit hosts' },
  },
});

/**
 * One version of an organization of the political system (tổ chức) inside an administrative
 * unit; organizations form a tree through `parentId` (the parent's stable id).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Tổ chức trong hệ thống chính trị (một phiên bản) / organization as of a date' })
@Entity({ name: 'organization' })
export class Organization extends EffectiveVersion {
  @Field(() => ID, { description: 'Mã đơn vị hành chính của tổ chức / code of the unit it belongs to' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field(() => OrganizationKind)
  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Field(() => MassOrganizationType, { nullable: true, description: 'Loại đoàn thể, hội (chỉ với MASS_ORGANIZATION) / subtype' })
  @Column({ type: 'text', nullable: true })
  subtype!: MassOrganizationType | null;

  @Field(() => OrganizationBase)
  @Column({ type: 'text' })
  base!: OrganizationBase;

  @Field({ description: 'Tên / name, e.g. "Đảng bộ xã An Lập"' })
  @Column({ type: 'text' })
  name!: string;

  /** The name folded for diacritics-insensitive search (foldText). */
  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;
}

/** How messages name an organization: by name and the code of its unit, never by id. */
export function organizationLabel(organization: Pick<Organization, 'name' | 'unitCode'>): string {
  return `${organization.name} (${organization.unitCode})`;
}
