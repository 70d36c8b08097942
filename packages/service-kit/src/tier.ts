import { registerEnumType } from 'type-graphql';

/**
 * Tiers of the territory tree (hamlets carry no access tier of their own), as the one GraphQL
 * enum `Tier` every subgraph answers with: organization's units, personnel's titles and plans.
 * The values are the contracts' `TIERS` of `UnitCreated`.
 */
export enum Tier {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  HAMLET = 'HAMLET',
}

registerEnumType(Tier, { name: 'Tier', description: 'Cấp hành chính / administrative tier' });
