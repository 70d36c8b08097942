// One person of the generated workforce as a pure function of (seed, index): name, birth,
// ethnicity, home place, category, main post, concurrent post and Party membership. Every
// table's pass derives the same person again, so nothing is held between passes.
import { cumulative, idsOf, streamOf } from './determinism.mjs';
import { NATION, PARTY_SHARE, TIER_SHARES, categoryOf, isLeader, placeOf } from './posts.mjs';
import { THREE_TIER_FROM } from './structure.mjs';

const FAMILY = [['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.7], ['Lương', 0.5], ['Trịnh', 0.5], ['Mai', 0.4]];
const MIDDLE = { MALE: ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thành', 'Công', 'Xuân', 'Ngọc', 'Anh'], FEMALE: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hồng', 'Minh', 'Phương'] };
const GIVEN = {
  MALE: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Huy', 'Khoa', 'Long', 'Minh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh'],
  FEMALE: ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vân', 'Yến'],
};
/** Kinh about 85 %, then the other 53 groups by their share of the population (2019 census, rounded). */
const ETHNIC = [['Kinh', 85.3], ['Tày', 1.9], ['Thái', 1.9], ['Mường', 1.5], ['Hmông', 1.5], ['Khmer', 1.4], ['Nùng', 1.1], ['Dao', 0.9], ['Hoa', 0.8], ['Gia Rai', 0.5], ['Ê Đê', 0.4], ['Ba Na', 0.3], ['Sán Chay', 0.2], ['Chăm', 0.2], ['Cơ Ho', 0.2], ['Xơ Đăng', 0.2], ['Sán Dìu', 0.2], ['Hrê', 0.15], ['Ra Glai', 0.15], ['Mnông', 0.13], ['Thổ', 0.1], ['Stiêng', 0.1], ['Khơ Mú', 0.09], ['Bru – Vân Kiều', 0.09], ['Cơ Tu', 0.08], ['Giáy', 0.07], ['Tà Ôi', 0.06], ['Mạ', 0.05], ['Giẻ Triêng', 0.06], ['Co', 0.04], ['Chơ Ro', 0.03], ['Xinh Mun', 0.03], ['Hà Nhì', 0.03], ['Chu Ru', 0.02], ['Lào', 0.02], ['La Chí', 0.02], ['Kháng', 0.02], ['Phù Lá', 0.01], ['La Hủ', 0.01], ['La Ha', 0.01], ['Pà Thẻn', 0.01], ['Lự', 0.01], ['Ngái', 0.01], ['Chứt', 0.01], ['Lô Lô', 0.005], ['Mảng', 0.005], ['Cơ Lao', 0.005], ['Bố Y', 0.003], ['Cống', 0.003], ['Si La', 0.001], ['Pu Péo', 0.001], ['Rơ Măm', 0.001], ['Brâu', 0.001], ['Ơ Đu', 0.001]];
/** Ages 22–60 of the workforce: few at the start, most between 30 and 50, thinning towards retirement. */
const WORK_AGES = Array.from({ length: 39 }, (_, k) => 22 + k);
const WORK_AGE_WEIGHTS = cumulative(WORK_AGES.map((age) => (age < 26 ? 1 + (age - 22) * 0.6 : age <= 45 ? 3.4 : Math.max(0.8, 3.4 - (age - 45) * 0.17))));
/** Party members outside the workforce: retirees and people of every other occupation, 20–90. */
const MEMBER_AGES = Array.from({ length: 71 }, (_, k) => 20 + k);
const MEMBER_AGE_WEIGHTS = cumulative(MEMBER_AGES.map((age) => (age < 60 ? 1 : age < 80 ? 1.6 : 0.6)));
const FAMILY_W = cumulative(FAMILY.map(([, w]) => w));
const ETHNIC_W = cumulative(ETHNIC.map(([, w]) => w));
const REFERENCE_YEAR = 2024;

/** How many people of each kind a scale gives, and where the workforce's tiers start. */
export function headcounts(scale) {
  const workforce = Math.round(NATION.workforce * scale);
  const tiers = [];
  let start = 0;
  for (const [tier, share] of TIER_SHARES) {
    const count = tier === 'PUBLIC_SERVICE_UNIT' ? workforce - start : Math.round(workforce * share);
    tiers.push({ tier, start, count });
    start += count;
  }
  return { workforce, tiers, partyTarget: Math.round(NATION.partyMembers * scale) };
}

/** The people of a run: `personAt(i)` for i below `total` (workforce first, then Party members outside it). */
export function population({ seed, scale, structure, provinces, outsideMembers }) {
  const counts = headcounts(scale);
  const stream = streamOf(seed, 'person');
  const personId = idsOf(seed, 'person');
  const assignmentId = idsOf(seed, 'assignment');
  const concurrentId = idsOf(seed, 'assignment-concurrent');
  const membershipId = idsOf(seed, 'party-membership');
  const placesOf = placesByTier(structure);
  const shift = streamOf(seed, 'place-shift');
  const provinceName = new Map(provinces.map((unit) => [unit.code, unit.name]));
  const provinceCodes = provinces.map((unit) => unit.code);

  const postOf = (i, rng) => {
    const tier = counts.tiers.find((t) => i < t.start + t.count);
    const places = placesOf[tier.tier];
    const full = Math.max(1, Math.ceil((tier.tier === 'PUBLIC_SERVICE_UNIT' ? tier.count : NATION.workforce * TIER_SHARES.find(([t]) => t === tier.tier)[1]) / places.length));
    const c = i - tier.start;
    const { place, body, titleCode } = placeOf(tier.tier, c, tier.count, places.length, full, shift(c % places.length).next(), places[0].departments?.length ?? 0);
    const bodies = places[place];
    const org = body === 'self' ? bodies.self : body.startsWith('department') ? bodies.departments[Number(body.slice(10))] : body.startsWith('mass') ? bodies.mass[Number(body.slice(4))] : bodies[body];
    const category = categoryOf(tier.tier, titleCode, body);
    let concurrent = null;
    if (titleCode === 'COMMUNE_PARTY_SECRETARY' && rng.next() < 0.8) concurrent = { org: bodies.council, titleCode: 'COMMUNE_COUNCIL_CHAIR' };
    else if (tier.tier !== 'PUBLIC_SERVICE_UNIT' && body !== 'committee' && isLeader(titleCode) && rng.next() < 0.5) {
      concurrent = { org: bodies.committee, titleCode: `${tier.tier === 'COMMUNE' ? 'COMMUNE' : bodies.unit.tier}_PARTY_COMMITTEE_MEMBER` };
    }
    return { org, titleCode, category, concurrent, party: bodies.partyOfPlace };
  };

  const personAt = (i) => {
    const rng = stream(i);
    const inWorkforce = i < counts.workforce;
    const post = inWorkforce ? postOf(i, rng) : null;
    const unit = post ? post.org.unitCode : placesOf.COMMUNE[rng.int(placesOf.COMMUNE.length)].unit.code;
    const party = post ? (rng.next() < PARTY_SHARE[post.category] ? post.party : null) : placesOf.byUnit.get(unit).partyOfPlace;
    const gender = rng.next() < 0.45 ? 'FEMALE' : 'MALE';
    const age = inWorkforce ? WORK_AGES[rng.weighted(WORK_AGE_WEIGHTS)] : MEMBER_AGES[rng.weighted(MEMBER_AGE_WEIGHTS)];
    const birthYear = REFERENCE_YEAR - 1 - age;
    const birthDate = `${birthYear}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
    const fullName = `${FAMILY[rng.weighted(FAMILY_W)][0]} ${rng.pick(MIDDLE[gender])} ${rng.pick(GIVEN[gender])}`;
    const ownProvince = unitProvince(structure, unit);
    const homeProvince = rng.next() < 0.8 ? ownProvince : provinceCodes[rng.int(provinceCodes.length)];
    const admissionYear = Math.min(REFERENCE_YEAR - 1, birthYear + 20 + rng.int(Math.max(1, Math.min(20, age - 20))));
    return {
      index: i,
      id: personId(i),
      fullName,
      gender,
      birthYear,
      birthDate,
      ethnicity: ETHNIC[rng.weighted(ETHNIC_W)][0],
      homePlace: provinceName.get(homeProvince),
      unitCode: unit,
      category: post?.category ?? null,
      professionalLevel: post ? (post.category === 'CIVIL_SERVANT' || post.category === 'CADRE' ? (rng.next() < 0.2 ? 'MASTER' : 'BACHELOR') : rng.pick(['COLLEGE', 'BACHELOR', 'BACHELOR', 'MASTER'])) : null,
      assignment: post && { id: assignmentId(i), org: post.org, titleCode: post.titleCode },
      concurrent: post?.concurrent && { id: concurrentId(i), org: post.concurrent.org, titleCode: post.concurrent.titleCode },
      membership: party && {
        id: membershipId(i),
        org: party,
        admissionDate: `${admissionYear}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
        cardNumber: `${String(100000000 + i).padStart(9, '0')}`,
      },
    };
  };
  return { counts, total: counts.workforce + outsideMembers, personAt, validFrom: THREE_TIER_FROM };
}

/** The places of each tier, each with its bodies, and which Party organization its members belong to. */
function placesByTier(structure) {
  const byTier = { PROVINCE: [], DISTRICT: [], COMMUNE: [], PUBLIC_SERVICE_UNIT: [] };
  const byUnit = new Map();
  for (const bodies of structure.bodiesByUnit.values()) {
    if (bodies.party.validFrom !== THREE_TIER_FROM) continue;
    const place = { ...bodies, partyOfPlace: bodies.party };
    byTier[bodies.unit.tier].push(place);
    byUnit.set(bodies.unit.code, place);
    for (const self of bodies.publicServiceUnits) byTier.PUBLIC_SERVICE_UNIT.push({ unit: bodies.unit, self, partyOfPlace: bodies.party, committee: bodies.committee });
  }
  return { ...byTier, byUnit };
}

function unitProvince(structure, unitCode) {
  let unit = structure.bodiesByUnit.get(unitCode).unit;
  while (unit.parentCode) unit = structure.bodiesByUnit.get(unit.parentCode).unit;
  return unit.code;
}
