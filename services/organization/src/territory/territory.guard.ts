import { TerritoryGuard } from '@ps/auth';

/**
 * The organization service guards with its own tree: the caller's unit as it stood on the
 * date asked (or as it last stood, for a unit that has ceased).
 */
export const territoryGuard = new TerritoryGuard({ table: 'administrative_unit', codeColumn: 'code', pathColumn: 'path' });
