import { registerEnumType } from 'type-graphql';

/** Giới tính as the personal ID records it (the ID's fourth digit encodes it with the century). */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, { name: 'Gender', description: 'Giới tính / gender' });

/** Who a person is in the political system's staff law (Law on Cadres and Civil Servants). */
export enum PersonnelCategory {
  /** Cán bộ: elected, approved or appointed to a term. */
  CADRE = 'CADRE',
  /** Công chức: recruited to a civil-servant post. */
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  /** Viên chức: employed by a public service unit. */
  PUBLIC_EMPLOYEE = 'PUBLIC_EMPLOYEE',
  /** Người lao động: on a labour contract. */
  WORKER = 'WORKER',
  /** Người hoạt động không chuyên trách ở cấp xã. */
  COMMUNE_NON_PROFESSIONAL = 'COMMUNE_NON_PROFESSIONAL',
}

registerEnumType(PersonnelCategory, {
  name: 'PersonnelCategory',
  description: 'Cán bộ / công chức / viên chức / người lao động / người hoạt động không chuyên trách cấp xã',
});
