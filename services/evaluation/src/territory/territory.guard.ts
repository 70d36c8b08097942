import { TERRITORY_PROJECTION, TerritoryGuard } from '@ps/auth';

/** Evaluation guards with its projection of the territory, as it stood on the date asked. */
export const territoryGuard = new TerritoryGuard(TERRITORY_PROJECTION);
