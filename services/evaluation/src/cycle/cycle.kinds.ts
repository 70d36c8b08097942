import { registerEnumType } from 'type-graphql';

/** How long an evaluation cycle runs: a calendar month, quarter or year. */
export enum CycleKind {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  ANNUAL = 'ANNUAL',
}

registerEnumType(CycleKind, {
  name: 'CycleKind',
  description: 'Loại kỳ đánh giá / kind of evaluation cycle',
  valuesConfig: {
    MONTHLY: { description: 'Hằng tháng / monthly' },
    QUARTERLY: { description: 'Hằng quý / quarterly' },
    ANNUAL: { description: 'Hằng năm / annual' },
  },
});

/** Months a cycle of each kind spans. */
export const CYCLE_MONTHS: Record<CycleKind, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };
