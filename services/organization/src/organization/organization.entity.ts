import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { EffectiveVersion } from './effective-version.entity';

/** Kinds of organizations of the political system inside a unit. */
export enum OrganizationKind {
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
    PARTY_COMMITTEE: { description: 'Cấp ủy, ban thường vụ / Party committee, standing committee' },
    PARTY_GRASSROOTS: { description: 'Tổ chức cơ sở Đảng (Đảng bộ, Chi bộ cơ sở) / grassroots Party organization' },
    PARTY_CELL: { description: 'Chi bộ trực thuộc / Party cell' },
    PEOPLES_COUNCIL: { description: 'Hội đồng nhân dân (HĐND) / People’s Council' },
    PEOPLES_COMMITTEE: { description: 'Ủy ban nhân dân (UBND) / People’s Committee' },
    DEPARTMENT: { description: 'Phòng, ban / department, board' },
    FATHERLAND_FRONT: { description: 'Mặt trận Tổ quốc (MTTQ) / Fatherland Front' },
    MASS_ORGANIZATION: { description: 'Đoàn thể (Đoàn TN, Hội LHPN, Hội ND, Hội CCB) / mass organization' },
    PUBLIC_SERVICE_UNIT: { description: 'Đơn vị sự nghiệp công lập / public service unit' },
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

  @Field({ description: 'Tên / name, e.g. "Đảng bộ xã An Lập"' })
  @Column({ type: 'text' })
  name!: string;

  /** The name folded for diacritics-insensitive search (foldText). */
  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;
}
