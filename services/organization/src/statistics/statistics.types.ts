import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationKind } from '../organization/organization.entity';
import { Tier } from '../unit/unit.entity';
import { LocalDate } from '@ps/effective-dating';

/** What a figure counts. */
export enum Measure {
  ORGANIZATIONS = 'ORGANIZATIONS',
  UNITS = 'UNITS',
  UNIT_QUOTA = 'UNIT_QUOTA',
  ORGANIZATION_QUOTAS = 'ORGANIZATION_QUOTAS',
  SUBUNIT_QUOTAS = 'SUBUNIT_QUOTAS',
}

registerEnumType(Measure, {
  name: 'Measure',
  description: 'Chỉ số thống kê / what a figure counts',
  valuesConfig: {
    ORGANIZATIONS: { description: 'Số tổ chức (theo organizationKind) / organizations of a kind' },
    UNITS: { description: 'Số đơn vị trực thuộc (theo tier) / units below, of a tier' },
    UNIT_QUOTA: { description: 'Biên chế được giao cho đơn vị / the unit’s own quota' },
    ORGANIZATION_QUOTAS: { description: 'Tổng biên chế của các tổ chức / quotas of its organizations' },
    SUBUNIT_QUOTAS: { description: 'Tổng biên chế của đơn vị trực thuộc / quotas of the units directly below' },
  },
});

@ObjectType({ description: 'Số tổ chức theo loại / organizations of one kind' })
export class KindCount {
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Số đơn vị trực thuộc theo cấp / units below, by tier' })
export class TierCount {
  @Field(() => Tier)
  tier!: Tier;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Tổng biên chế / staffing quota totals' })
export class QuotaTotals {
  @Field(() => Int, { nullable: true, description: 'Biên chế được giao cho đơn vị / the unit’s own allocation' })
  unit!: number | null;

  @Field(() => Int, { description: 'Tổng biên chế giao cho các tổ chức trong địa bàn / allocated to its organizations' })
  organizations!: number;

  @Field(() => Int, { description: 'Tổng biên chế giao cho đơn vị trực thuộc / allocated to the units directly below' })
  subunits!: number;
}

@ObjectType({ description: 'Thống kê một đơn vị vào một ngày / a unit’s figures on a date' })
export class UnitStatistics {
  @Field(() => ID)
  code!: string;

  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => [KindCount], { description: 'Tổ chức trong đơn vị và các đơn vị trực thuộc, theo loại' })
  organizationsByKind!: KindCount[];

  @Field(() => [TierCount], { description: 'Đơn vị trực thuộc (mọi cấp bên dưới), theo cấp' })
  unitsByTier!: TierCount[];

  @Field(() => QuotaTotals)
  quota!: QuotaTotals;
}

@ObjectType({ description: 'Thay đổi của một chỉ số giữa hai ngày / one figure then and now' })
export class FigureChange {
  @Field(() => Measure)
  measure!: Measure;

  @Field(() => OrganizationKind, { nullable: true, description: 'Với ORGANIZATIONS / for ORGANIZATIONS' })
  organizationKind!: OrganizationKind | null;

  @Field(() => Tier, { nullable: true, description: 'Với UNITS / for UNITS' })
  tier!: Tier | null;

  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field(() => Int)
  change!: number;
}

@ObjectType({ description: 'So sánh thống kê giữa hai ngày / figures compared between two dates' })
export class UnitStatisticsComparison {
  @Field(() => UnitStatistics)
  from!: UnitStatistics;

  @Field(() => UnitStatistics)
  to!: UnitStatistics;

  @Field(() => [FigureChange], { description: 'Mọi chỉ số có ở một trong hai ngày / every figure present on either date' })
  changes!: FigureChange[];
}
