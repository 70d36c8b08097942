import { groupBy } from '@ps/service-kit';
import { Tier } from '../unit/unit.entity';
import { stepKey } from './commune-arrangement.plan';
import { readThreeTierFile, readTwoTierFile, TERRITORY_DATA_DIR, threeTierTree, twoTierTree, type OfficialUnit } from './official-tree.parser';
import { planCountryReorganization, planProvinceReorganization } from './province-reorganization.plan';
import type { CommuneStep, ProvinceReorganizationPlan } from './province-reorganization.steps';
import { createdBy, endedBy } from './reorganization-order.plan';
import { UnknownNewProvinceError } from './territory-load.errors';
import { readMappingFile } from './ward-mapping.parser';

// The real data as shipped: these tests state what replaying it must record.
const data = {
  threeTier: threeTierTree(readThreeTierFile(TERRITORY_DATA_DIR)),
  twoTier: twoTierTree(readTwoTierFile(TERRITORY_DATA_DIR)),
  rows: readMappingFile(TERRITORY_DATA_DIR),
};
const oldUnit = new Map(data.threeTier.units.map((unit) => [unit.code, unit]));
const oldProvinceOf = (code: string): string => oldUnit.get(code)?.path.split('.')[0] ?? '';
const oldUnitsUnder = (provinces: readonly string[], tier: Tier): OfficialUnit[] =>
  data.threeTier.units.filter((unit) => unit.tier === tier && provinces.includes(unit.path.split('.')[0]));

/** The new communes a step forms: those it starts, or the one that carries on. */
const formedBy = (step: CommuneStep): string[] => (step.kind === 'CONTINUE' ? [step.code] : createdBy(step));
/** The old communes a step takes out of their district: those it ends, or the one that moves. */
const takenBy = (step: CommuneStep): string[] => (step.kind === 'CONTINUE' ? [step.code] : endedBy(step));

const countBy = <T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> =>
  Object.fromEntries([...groupBy(items, keyOf)].map(([key, group]) => [key, group.length]));

/** Every row index a plan names: in a step or adjustment it rests on, or in a fault. */
const rowsNamed = (plan: ProvinceReorganizationPlan): number[] => [
  ...[...plan.communes, ...plan.boundaryAdjustments].flatMap((step) => step.rows),
  ...plan.faults.flatMap((f) => (f.row === undefined ? [] : [f.row])),
];

describe('planProvinceReorganization: Thành phố Hồ Chí Minh (79)', () => {
  const plan = planProvinceReorganization(data, '79');
  const stepForming = (code: string) => plan.communes.find((step) => formedBy(step).includes(code));

  it('merges Bình Dương, Bà Rịa - Vũng Tàu and Hồ Chí Minh City into 79, on Resolution 202/2025/QH15', () => {
    expect(plan.province).toEqual({ code: '79', name: 'Thành phố Hồ Chí Minh' });
    expect(plan.provinceMerger).toMatchObject({
      predecessors: ['74', '77', '79'],
      successor: { code: '79', name: 'Thành phố Hồ Chí Minh' },
      effectiveDate: '2025-07-01',
      decision: { number: '202/2025/QH15', date: '2025-06-12', issuer: 'NATIONAL_ASSEMBLY', placeholder: false },
    });
    expect(plan.provinceRename).toBeNull();
  });

  it('forms each of the 168 new communes in exactly one commune step', () => {
    const formed = plan.communes.flatMap(formedBy);
    expect(formed).toHaveLength(168);
    expect(formed.sort()).toEqual(plan.expected.map((e) => e.code).sort());
    expect(plan.expected).toHaveLength(168);
  });

  it('has 153 merges, 14 continuations (8 renamed), Côn Đảo established, no split, replacement or adjustment', () => {
    expect(countBy(plan.communes, (step) => step.kind)).toEqual({ MERGE: 153, CONTINUE: 14, ESTABLISH: 1 });
    expect(plan.communes.filter((step) => step.kind === 'CONTINUE' && step.renamed)).toHaveLength(8);
    expect(stepForming('26732')).toMatchObject({ kind: 'ESTABLISH', successor: { code: '26732', name: 'Đặc khu Côn Đảo' } });
    expect(plan.boundaryAdjustments).toEqual([]);
  });

  it('expects Xã Thanh An (25807) from Định Hiệp, An Lập and itself, and Dầu Tiếng’s communes where the data puts them', () => {
    expect(plan.expected.find((e) => e.code === '25807')).toEqual({ code: '25807', name: 'Xã Thanh An', parentCode: '79', predecessors: ['25798', '25801', '25807'] });
    expect(stepForming('25807')).toMatchObject({ kind: 'MERGE', predecessors: ['25798', '25801', '25807'], successor: { name: 'Xã Thanh An' } });
    const dauTieng = oldUnitsUnder(['74'], Tier.COMMUNE).filter((unit) => unit.parentCode === '720');
    const destination = Object.fromEntries(dauTieng.map((unit) => [unit.code, plan.expected.find((e) => e.predecessors.includes(unit.code))?.code]));
    expect(destination).toEqual({
      ...{ '25777': '25777', '25789': '25777', '25795': '25777', '25780': '25780', '25783': '25780', '25786': '25780' },
      ...{ '25792': '25792', '25804': '25792', '25798': '25807', '25801': '25807', '25807': '25807', '25810': '25843' },
    });
  });

  it('uses the official names of the two-tier tree, not the mapping’s spelling', () => {
    const official = new Map(data.twoTier.units.map((unit) => [unit.code, unit.name]));
    expect(plan.expected.every((e) => e.name === official.get(e.code))).toBe(true);
    const named = plan.communes.flatMap((step) => ('successor' in step ? [step.successor] : step.kind === 'CONTINUE' ? [{ code: step.code, name: step.name }] : []));
    expect(named.every((unit) => unit.name === official.get(unit.code))).toBe(true);
    expect(data.rows.some((row) => row.new_ward_code === '25792' && row.new_ward_name === 'Xã Long Hòa')).toBe(true);
    expect(stepForming('25792')).toMatchObject({ successor: { code: '25792', name: 'Xã Long Hoà' } });
  });

  it('accounts for every old commune of 74, 77 and 79: a predecessor of some new commune, or in a fault', () => {
    const oldCommunes = oldUnitsUnder(['74', '77', '79'], Tier.COMMUNE).map((unit) => unit.code);
    const predecessors = new Set(plan.expected.flatMap((e) => e.predecessors));
    const inFaults = new Set(plan.faults.map((f) => f.code));
    expect(oldCommunes.filter((code) => !predecessors.has(code) && !inFaults.has(code))).toEqual([]);
    expect(oldCommunes).toHaveLength(441);
  });

  it('abolishes every old district of 74, 77 and 79 last, each after its communes have left it', () => {
    const districts = oldUnitsUnder(['74', '77', '79'], Tier.DISTRICT).map((unit) => unit.code).sort();
    expect(plan.districtAbolitions.map((d) => d.code)).toEqual(districts);
    expect(districts).toHaveLength(38);
    expect(plan.districtAbolitions.every((d) => d.successor === '79' && d.decision.number === '203/2025/QH15')).toBe(true);
    expect(plan.order.map((step) => step.kind)).toEqual(['PROVINCE_MERGER', ...plan.communes.map((step) => step.kind), ...Array(38).fill('DISTRICT_ABOLITION')]);
    const taken = new Set(plan.communes.flatMap(takenBy));
    expect(oldUnitsUnder(['74', '77', '79'], Tier.COMMUNE).filter((unit) => !taken.has(unit.code))).toEqual([]);
  });

  it('cites Resolution 1685/NQ-UBTVQH15 of the Standing Committee for the communes, effective 1 July 2025', () => {
    for (const step of plan.communes) {
      expect(step.decision).toMatchObject({ number: '1685/NQ-UBTVQH15', date: '2025-06-16', issuer: 'NA_STANDING_COMMITTEE', placeholder: false });
      expect(step.effectiveDate).toBe('2025-07-01');
    }
  });

  it('reports, with a reason, every row of 79 it could not place, and places or reports all 495', () => {
    expect(countBy(plan.faults, (f) => f.reason)).toEqual({
      MAPPING_OLD_COMMUNE_UNNAMED: 1, // Côn Đảo: the island district had no communes
      MAPPING_OLD_NAME_NOT_FOUND: 50, // wards named as before their 2025 merger, absent from the 2024 list
      MAPPING_DUPLICATE_PAIR: 3,
      COMMUNE_WITHOUT_PREDECESSOR: 1,
    });
    const rowsOf79 = data.rows.flatMap((row, index) => (row.new_province_name === 'Thành phố Hồ Chí Minh' ? [index] : []));
    expect(rowsOf79).toHaveLength(495);
    expect([...new Set(rowsNamed(plan))].sort((a, b) => a - b)).toEqual(rowsOf79);
  });

  it('places the Bình Dương part whole: 91 rows into 36 new communes, none shared with the other two', () => {
    const fromBinhDuong = plan.communes.filter((step) => takenBy(step).some((code) => oldProvinceOf(code) === '74'));
    expect(fromBinhDuong.flatMap((step) => step.rows)).toHaveLength(91);
    expect(fromBinhDuong.flatMap(formedBy)).toHaveLength(36);
    expect(fromBinhDuong.flatMap(takenBy).every((code) => oldProvinceOf(code) === '74')).toBe(true);
    expect(countBy(fromBinhDuong, (step) => step.kind)).toEqual({ MERGE: 33, CONTINUE: 3 });
    expect(plan.faults.filter((f) => f.detail.old_province_name === 'Tỉnh Bình Dương')).toEqual([]);
  });

  it('refuses a province the two-tier list does not have', () => {
    expect(() => planProvinceReorganization(data, '74')).toThrow(UnknownNewProvinceError);
  });
});

describe('planCountryReorganization: all 34 new provinces', () => {
  const { plans, unplaced } = planCountryReorganization(data);
  const steps = plans.flatMap((plan) => plan.communes);
  const newCommunes = data.twoTier.units.filter((unit) => unit.tier === Tier.COMMUNE);

  it('forms every two-tier commune in exactly one step of its own province, and explains those no row leads to', () => {
    expect(plans).toHaveLength(34);
    const formed = countBy(steps.flatMap(formedBy), (code) => code);
    expect(newCommunes.filter((unit) => formed[unit.code] !== 1)).toEqual([]);
    expect(Object.keys(formed)).toHaveLength(3321);
    for (const plan of plans) expect(plan.communes.every((step) => !('parentCode' in step) || step.parentCode === plan.province.code)).toBe(true);
    const faultCodes = new Set(plans.flatMap((plan) => plan.faults.map((f) => f.code)));
    const withoutRow = steps.filter((step) => step.rows.length === 0);
    expect(withoutRow.flatMap(formedBy).filter((code) => !faultCodes.has(code))).toEqual([]);
  });

  it('takes every old commune out of its district in exactly one step, in the plan that abolishes that district', () => {
    const taken = countBy(steps.flatMap(takenBy), (code) => code);
    expect(data.threeTier.units.filter((unit) => unit.tier === Tier.COMMUNE && taken[unit.code] !== 1)).toEqual([]);
    for (const plan of plans) {
      const abolished = new Set(plan.districtAbolitions.map((d) => d.code));
      const takenHere = new Set(plan.communes.flatMap(takenBy));
      expect(data.threeTier.units.filter((unit) => unit.tier === Tier.COMMUNE && abolished.has(unit.parentCode ?? '') && !takenHere.has(unit.code))).toEqual([]);
    }
    const abolitions = countBy(plans.flatMap((plan) => plan.districtAbolitions), (d) => d.code);
    expect(Object.values(abolitions).every((n) => n === 1)).toBe(true);
    expect(Object.keys(abolitions)).toHaveLength(696);
  });

  it('merges 23 new provinces out of 52 old ones; 11 continue, one renamed only in spelling', () => {
    const mergers = plans.flatMap((plan) => (plan.provinceMerger ? [plan.provinceMerger] : []));
    expect(mergers).toHaveLength(23);
    expect(mergers.flatMap((merger) => merger.predecessors)).toHaveLength(52);
    const oldProvinces = plans.flatMap((plan) => plan.provinceMerger?.predecessors ?? [plan.province.code]);
    expect(oldProvinces.sort()).toEqual(data.threeTier.units.filter((unit) => unit.tier === Tier.PROVINCE).map((unit) => unit.code).sort());
    expect(plans.flatMap((plan) => (plan.provinceRename ? [[plan.provinceRename.previousName, plan.province.name]] : []))).toEqual([['Tỉnh Thanh Hóa', 'Tỉnh Thanh Hoá']]);
  });

  it('plans 3,166 merges, 150 continuations and 5 special zones, with 8 boundary adjustments', () => {
    expect(countBy(steps, (step) => step.kind)).toEqual({ MERGE: 3166, CONTINUE: 150, ESTABLISH: 5 });
    expect(plans.flatMap((plan) => plan.boundaryAdjustments).map((a) => `${a.from}>${a.to}`)).toEqual([
      '00166>00160', '00167>00160', '00172>00160', '03766>03721', '20200>20209', '22024>22015', '24221>24214', '25996>26041',
    ]);
  });

  it('places or reports every one of the 10,977 rows, and needs no reordering', () => {
    expect(unplaced).toEqual([]);
    expect(new Set(plans.flatMap(rowsNamed)).size).toBe(10977);
    expect(countBy(plans.flatMap((plan) => plan.faults), (f) => f.reason)).toEqual({
      MAPPING_OLD_NAME_NOT_FOUND: 913,
      MAPPING_DUPLICATE_PAIR: 17,
      MAPPING_OLD_COMMUNE_UNNAMED: 5,
      COMMUNE_WITHOUT_PREDECESSOR: 5,
      COMMUNE_CONTINUES_WITHOUT_MAPPING_ROW: 1,
    });
    expect(plans.flatMap((plan) => plan.nameResolutions)).toHaveLength(38);
    for (const plan of plans) expect(plan.communes.map(stepKey)).toEqual(plan.communes.map(stepKey).sort());
  });

  it('places Ba Chẽ’s four communes, whose stated new code is stale, into Xã Ba Chẽ (06978) by its name', () => {
    const quangNinh = plans.find((plan) => plan.province.code === '22');
    expect(quangNinh?.communes.find((step) => formedBy(step).includes('06978'))).toMatchObject({
      kind: 'MERGE',
      predecessors: ['06970', '06973', '06982', '06988'],
      successor: { code: '06978', name: 'Xã Ba Chẽ' },
    });
  });

  it('plans each province as planning it alone does: the country index built once for all changes nothing', () => {
    for (const code of ['79', '01', '22', '48']) expect(plans.find((plan) => plan.province.code === code)).toEqual(planProvinceReorganization(data, code));
  });

  it('cites a real commune resolution only for 79, and a marked placeholder elsewhere', () => {
    const placeholders = new Set(steps.filter((step) => step.decision.placeholder).map((step) => step.decision.number));
    expect(placeholders.size).toBe(33);
    expect(steps.filter((step) => !step.decision.placeholder).every((step) => step.decision.number === '1685/NQ-UBTVQH15')).toBe(true);
  });
});
