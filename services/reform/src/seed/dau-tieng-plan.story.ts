import { SourceDocumentKind, SourceDocumentLevel } from '../source-document/source-document.entity';

/**
 * The seed story's reform plans: Huyện Dầu Tiếng implements the Conclusion of the 7th plenum
 * (XI). The Conclusion is real (number, date, issuer, title); the district's and the communes'
 * plans, their dates, tasks, progress and every figure below are illustrative, chosen only to be
 * consistent with each other and with the organization and personnel seeds (twelve communes,
 * three of them with a Party secretary chairing the People's Committee).
 */
export const STORY_DISTRICT = '720';

/** The district's twelve communes (official codes), in the order organization's seed lists them. */
export const STORY_COMMUNES: readonly string[] = [
  '25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810',
];

/**
 * The people personnel's seed registers in the district and its communes: its 2,320 Party members
 * of September 2013 and the eight cadres of its 2015–2020 planning list (at the district).
 */
export const STORY_PEOPLE = 2328;

/** Kết luận số 64-KL/TW ngày 28/5/2013 (real), as the district recorded it (the recording date is illustrative). */
export const CONCLUSION_64 = {
  unitCode: STORY_DISTRICT,
  kind: SourceDocumentKind.CONCLUSION,
  number: '64-KL/TW',
  title:
    'Kết luận Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI "Một số vấn đề về tiếp tục đổi mới, hoàn thiện hệ thống chính trị từ Trung ương đến cơ sở"',
  issuedOn: '2013-05-28',
  issuer: 'Ban Chấp hành Trung ương Đảng',
  level: SourceDocumentLevel.CENTRAL,
  recordedOn: '2013-06-20',
};

/** What a seeded decision cites (illustrative: numbered MINH-HOA/…). */
export interface StoryDecision {
  on: string;
  number: string;
  what: string;
}

export const DISTRICT_PLAN = {
  title: 'Kế hoạch thực hiện Kết luận số 64-KL/TW trên địa bàn huyện Dầu Tiếng, giai đoạn 2014–2015, định hướng đến năm 2020',
  adopted: { on: '2014-01-10', number: 'KH-HU-2014-01', what: 'Huyện ủy ban hành kế hoạch thực hiện Kết luận 64-KL/TW' } satisfies StoryDecision,
  goals: [
    { description: 'Sắp xếp tổ chức bộ máy trong chỉ tiêu biên chế tỉnh giao; chức năng, nhiệm vụ của từng tổ chức rõ ràng, không chồng chéo', targetYear: 2015 },
    { description: 'Chỉ tăng biên chế khi có đề án được cấp có thẩm quyền thẩm định, phê duyệt', targetYear: 2015 },
    { description: 'Định hướng đến năm 2020: 100% cán bộ, công chức xã đạt chuẩn; biên chế giảm ít nhất 10% so với năm 2013', targetYear: 2020 },
  ],
};

/** Each commune's own plan implementing the district's, adopted in March 2014. */
export const communePlanTitle = (communeName: string) => `Kế hoạch của Đảng ủy ${communeName} thực hiện Kết luận số 64-KL/TW, định hướng đến năm 2020`;
export const COMMUNE_PLAN_ADOPTED = '2014-03-01';
export const COMMUNE_PLAN_GOALS = [{ description: 'Đến năm 2020, 100% cán bộ, công chức xã đạt chuẩn theo chức danh', targetYear: 2020 }];

/** The organizations of a commune a task goes to (organization's seed: Đảng ủy xã, Ủy ban nhân dân xã, Hội Nông dân xã). */
export type CommuneBody = 'PARTY_COMMITTEE' | 'PEOPLES_COMMITTEE' | 'FARMERS_UNION';

/** A task every commune gets: in the district's plan or in its own, to whom, from when, by when. */
export interface StoryTask {
  key: 'FUNCTIONS' | 'RESPONSIBILITY_RULES' | 'STANDARDS';
  plan: 'DISTRICT' | 'COMMUNE';
  title: (communeName: string) => string;
  bodies: readonly CommuneBody[];
  assignedOn: string;
  deadline: string;
}

export const STORY_TASKS: readonly StoryTask[] = [
  {
    key: 'FUNCTIONS', plan: 'DISTRICT', bodies: ['PARTY_COMMITTEE', 'PEOPLES_COMMITTEE'], assignedOn: '2014-01-20', deadline: '2014-09-30',
    title: (name) => `Rà soát, xác định chức năng, nhiệm vụ của Đảng ủy, Ủy ban nhân dân và các đoàn thể ${name}, không chồng chéo`,
  },
  {
    key: 'RESPONSIBILITY_RULES', plan: 'DISTRICT', bodies: ['PEOPLES_COMMITTEE', 'FARMERS_UNION'], assignedOn: '2014-01-20', deadline: '2015-12-31',
    title: (name) => `Xây dựng quy chế trách nhiệm công việc theo chức danh; đánh giá cán bộ theo kết quả công việc – ${name}`,
  },
  {
    key: 'STANDARDS', plan: 'COMMUNE', bodies: ['PARTY_COMMITTEE', 'PEOPLES_COMMITTEE'], assignedOn: '2014-03-10', deadline: '2020-06-30',
    title: (name) => `Đào tạo, bồi dưỡng để cán bộ, công chức ${name} đạt chuẩn theo chức danh`,
  },
];

/** How a commune kept up: prompt (always in time), late (done, after the deadlines), lagging (one task still short in 2020). */
export type Pace = 'PROMPT' | 'LATE' | 'LAGGING';
const PACES: readonly Pace[] = ['PROMPT', 'LATE', 'LAGGING'];

/** The commune's pace, by its place in the list (An Lập, the 9th, lags; Định An, the 5th, is late). */
export const paceOf = (communeCode: string): Pace => PACES[STORY_COMMUNES.indexOf(communeCode) % PACES.length];

/** Progress reports [date, completion %] of each task by pace, oldest first. */
export const STORY_REPORTS: Readonly<Record<StoryTask['key'], Readonly<Record<Pace, ReadonlyArray<readonly [string, number]>>>>> = {
  FUNCTIONS: {
    PROMPT: [['2014-05-30', 50], ['2014-09-20', 100]],
    LATE: [['2014-06-30', 40], ['2015-03-31', 100]],
    LAGGING: [['2014-08-30', 30], ['2014-12-15', 70], ['2015-06-30', 100]],
  },
  RESPONSIBILITY_RULES: {
    PROMPT: [['2015-06-30', 60], ['2015-11-30', 100]],
    LATE: [['2015-09-30', 50], ['2016-06-30', 100]],
    LAGGING: [['2015-12-15', 70], ['2017-03-31', 100]],
  },
  STANDARDS: {
    PROMPT: [['2016-12-31', 40], ['2018-12-31', 80], ['2020-05-31', 100]],
    LATE: [['2017-12-31', 50], ['2020-06-15', 100]],
    LAGGING: [['2018-06-30', 60], ['2020-12-15', 90]],
  },
};

/** The years whose actuals are reported, each on its last day. */
export const ACTUAL_YEARS: readonly number[] = [2014, 2015, 2016, 2017, 2018, 2019, 2020];

/** An indicator with its target and one actual per year of ACTUAL_YEARS. */
export interface StoryIndicator {
  name: string;
  measure: string;
  target: number;
  actuals: readonly number[];
}

export const DISTRICT_INDICATORS: readonly StoryIndicator[] = [
  { name: 'Biên chế giảm so với năm 2013', measure: '%', target: 10, actuals: [1.5, 3.2, 4.8, 6, 7.5, 8.8, 10.2] },
  // Three communes, as in personnel's posts (Minh Hoà, Định Thành, Thanh Tuyền); the district aimed at four.
  { name: 'Xã có Bí thư đồng thời là Chủ tịch Ủy ban nhân dân', measure: 'xã', target: 4, actuals: [3, 3, 3, 3, 3, 3, 3] },
];

export const COMMUNE_STANDARDS = { name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', target: 100 };
const STANDARDS_BY_PACE: Readonly<Record<Pace, readonly number[]>> = {
  PROMPT: [75, 85, 92, 96, 100, 100, 100],
  LATE: [70, 78, 85, 90, 95, 98, 100],
  LAGGING: [62, 70, 76, 82, 86, 88, 90],
};

/** The commune's own indicator. */
export const communeIndicator = (communeCode: string): StoryIndicator => ({ ...COMMUNE_STANDARDS, actuals: STANDARDS_BY_PACE[paceOf(communeCode)] });

/**
 * One commune's staffing proposal, submitted and waiting for the district's organization board
 * to appraise it. Dated May 2025: the district ceased on 1 July 2025, so it is the last spring a
 * proposal could wait for it (illustrative, like the figures).
 */
export const WAITING_PROPOSAL = {
  unitCode: '25801',
  title: 'Đề án bổ sung biên chế công chức Văn phòng – Thống kê xã An Lập',
  increase: 1,
  positions: [{ jobPosition: 'Công chức Văn phòng – Thống kê (phụ trách cải cách hành chính)', titleCode: 'COMMUNE_OFFICE_STATISTICS', count: 1 }],
  justification: 'Khối lượng thủ tục hành chính một cửa tăng; một công chức Văn phòng – Thống kê không bảo đảm thời hạn giải quyết hồ sơ',
  workloadEvidence: 'Năm 2024: 4.860 hồ sơ một cửa, tăng 38% so với năm 2020 (số liệu minh họa)',
  drafted: { on: '2025-04-15', number: 'DA-BC-2025-25801', what: 'Ủy ban nhân dân xã An Lập lập đề án bổ sung biên chế' } satisfies StoryDecision,
  submitted: { on: '2025-05-06', number: 'TTr-BC-2025-25801', what: 'Tờ trình đề nghị huyện thẩm định đề án' } satisfies StoryDecision,
};
