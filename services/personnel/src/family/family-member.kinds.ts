import { registerEnumType } from 'type-graphql';

/**
 * Quan hệ gia đình as the personnel form 2C lists them: about oneself (father, mother, spouse,
 * children, siblings), then on the spouse's side (father, mother, siblings).
 */
export enum FamilyRelation {
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  SPOUSE_FATHER = 'SPOUSE_FATHER',
  SPOUSE_MOTHER = 'SPOUSE_MOTHER',
  SPOUSE_SIBLING = 'SPOUSE_SIBLING',
}

/** The order of form 2C, which the e-file answers the family in. */
export const FAMILY_ORDER: readonly FamilyRelation[] = Object.values(FamilyRelation);

/** Relations one person holds once at a time (one spouse: Law on Marriage and Family 2014, art. 5). */
export const SINGLE_RELATIONS: readonly FamilyRelation[] = [
  FamilyRelation.FATHER,
  FamilyRelation.MOTHER,
  FamilyRelation.SPOUSE,
  FamilyRelation.SPOUSE_FATHER,
  FamilyRelation.SPOUSE_MOTHER,
];

/** Vietnamese names of the relations: the enum's descriptions and the audit trail's labels. */
export const FAMILY_RELATION_NAMES: Readonly<Record<FamilyRelation, string>> = {
  FATHER: 'Bố',
  MOTHER: 'Mẹ',
  SPOUSE: 'Vợ/chồng',
  CHILD: 'Con',
  SIBLING: 'Anh chị em ruột',
  SPOUSE_FATHER: 'Bố vợ/chồng',
  SPOUSE_MOTHER: 'Mẹ vợ/chồng',
  SPOUSE_SIBLING: 'Anh chị em ruột của vợ/chồng',
};

registerEnumType(FamilyRelation, {
  name: 'FamilyRelation',
  description: 'Quan hệ gia đình (mẫu 2C): về bản thân, về bên vợ/chồng / family relation, as the personnel form 2C lists them',
  valuesConfig: Object.fromEntries(FAMILY_ORDER.map((relation) => [relation, { description: FAMILY_RELATION_NAMES[relation] }])),
});
