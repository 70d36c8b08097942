import { DataTable } from '../components/DataTable';
import type { ConsolePersonFileQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { decisionLine, enumWord } from './person-words';

export type FiledPerson = NonNullable<ConsolePersonFileQuery['person']>;

const WORDS = {
  identity: { vi: 'Thông tin chung', en: 'Identity' },
  unit: { vi: 'Đơn vị công tác', en: 'Unit' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  version: { vi: 'Phiên bản hồ sơ', en: 'File version' },
  versionReason: { vi: 'Lý do', en: 'Reason' },
  closed: { vi: 'Lý do chấm dứt', en: 'Closed because' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  managedByMe: { vi: 'Bạn thuộc cơ quan quản lý', en: 'You act for the managing body' },
  yes: { vi: 'Có (được ghi hồ sơ)', en: 'Yes (may write the file)' },
  no: { vi: 'Không', en: 'No' },
  qualifications: { vi: 'Trình độ', en: 'Qualifications' },
  education: { vi: 'Giáo dục phổ thông', en: 'General education' },
  professional: { vi: 'Chuyên môn', en: 'Professional' },
  politicalTheory: { vi: 'Lý luận chính trị', en: 'Political theory' },
  stateManagement: { vi: 'Quản lý nhà nước', en: 'State management' },
  rank: { vi: 'Ngạch, bậc, hệ số lương', en: 'Rank and salary' },
  rankCode: { vi: 'Mã ngạch', en: 'Rank code' },
  salaryStep: { vi: 'Bậc lương', en: 'Salary step' },
  salaryCoefficient: { vi: 'Hệ số lương', en: 'Salary coefficient' },
  personal: { vi: 'Dữ liệu cá nhân', en: 'Personal data' },
  maskedMark: { vi: 'đã che / masked', en: 'masked / đã che' },
  fullShown: { vi: 'Đầy đủ (lần đọc này được ghi nhật ký)', en: 'In full (this read is audited)' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  homePlace: { vi: 'Quê quán', en: 'Home place' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  family: { vi: 'Quan hệ gia đình (mẫu 2C)', en: 'Family (form 2C)' },
  relation: { vi: 'Quan hệ', en: 'Relation' },
  occupation: { vi: 'Nghề nghiệp, nơi công tác', en: 'Occupation' },
  residence: { vi: 'Nơi ở', en: 'Residence' },
  managedBy: { vi: 'Cơ quan quản lý theo phân cấp', en: 'Managed by' },
  managingUnit: { vi: 'Đơn vị quản lý', en: 'Managing unit' },
  body: { vi: 'Cơ quan tham mưu', en: 'Body' },
  rule: { vi: 'Quy định', en: 'Rule' },
  noRule: { vi: 'Chưa có quy định phân cấp áp dụng', en: 'No decentralisation rule applies' },
};

type Translate = (words: { vi: string; en: string }) => string;

/** Who the person is, on which version of the file, and whether the caller manages them. */
function Identity({ person, tr }: { person: FiledPerson; tr: Translate }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <dt>{tr(WORDS.unit)}</dt><dd data-testid="person-unit">{person.unitCode}</dd>
      <dt>{t('category')}</dt><dd data-testid="person-category" data-category={person.category ?? ''}>{enumWord(tr, 'category', person.category)}</dd>
      <dt>{tr(WORDS.gender)}</dt><dd data-testid="person-gender">{enumWord(tr, 'gender', person.gender)}</dd>
      <dt>{t('birthYear')}</dt><dd data-testid="person-birth-year">{person.birthYear ?? '—'}</dd>
      <dt>{tr(WORDS.version)}</dt><dd data-testid="person-version">{person.validFrom}{person.validTo ? ` – ${person.validTo}` : ''}{person.reason ? ` · ${tr(WORDS.versionReason)}: ${person.reason}` : ''}</dd>
      {person.closedReason && (<><dt>{tr(WORDS.closed)}</dt><dd>{person.closedReason}</dd></>)}
      <dt>{tr(WORDS.decision)}</dt><dd>{decisionLine(person.decision)}</dd>
      <dt>{tr(WORDS.managedByMe)}</dt><dd data-testid="managed-by-me" data-managed={person.managedByMe ? 'true' : 'false'}>{tr(person.managedByMe ? WORDS.yes : WORDS.no)}</dd>
    </dl>
  );
}

/** Qualifications, rank and salary. */
function Qualifications({ person, tr }: { person: FiledPerson; tr: Translate }) {
  return (
    <>
      <h3>{tr(WORDS.qualifications)}</h3>
      <dl className="facts">
        <dt>{tr(WORDS.education)}</dt><dd data-testid="education-level">{enumWord(tr, 'education', person.educationLevel)}</dd>
        <dt>{tr(WORDS.professional)}</dt><dd data-testid="professional-level">{enumWord(tr, 'professional', person.professionalLevel)}</dd>
        <dt>{tr(WORDS.politicalTheory)}</dt><dd data-testid="political-theory-level">{enumWord(tr, 'politicalTheory', person.politicalTheoryLevel)}</dd>
        <dt>{tr(WORDS.stateManagement)}</dt><dd data-testid="state-management-training">{enumWord(tr, 'stateManagement', person.stateManagementTraining)}</dd>
      </dl>
      <h3>{tr(WORDS.rank)}</h3>
      <dl className="facts">
        <dt>{tr(WORDS.rankCode)}</dt><dd data-testid="rank-code">{person.rankCode ?? '—'}</dd>
        <dt>{tr(WORDS.salaryStep)}</dt><dd data-testid="salary-step">{person.salaryStep ?? '—'}</dd>
        <dt>{tr(WORDS.salaryCoefficient)}</dt><dd data-testid="salary-coefficient">{person.salaryCoefficient ?? '—'}</dd>
      </dl>
    </>
  );
}

/** Personal data and family exactly as the gateway gives them, marked when masked. */
function PersonalData({ person, tr }: { person: FiledPerson; tr: Translate }) {
  const { t } = useI18n();
  const data = person.personalData;
  if (!data) return null;
  return (
    <section data-testid="personal-data" data-masked={data.masked ? 'true' : 'false'}>
      <h3>
        {tr(WORDS.personal)}{' '}
        {data.masked ? <span className="chip" data-testid="masked-mark">{tr(WORDS.maskedMark)}</span> : <small className="muted">{tr(WORDS.fullShown)}</small>}
      </h3>
      <dl className="facts">
        <dt>{t('personalId')}</dt><dd data-testid="personal-id">{data.personalId ?? '—'}</dd>
        <dt>{tr(WORDS.birthDate)}</dt><dd data-testid="birth-date">{data.birthDate ?? '—'}</dd>
        <dt>{tr(WORDS.homePlace)}</dt><dd data-testid="home-place">{data.homePlace ?? '—'}</dd>
        <dt>{tr(WORDS.ethnicity)}</dt><dd data-testid="ethnicity">{data.ethnicity ?? '—'}</dd>
        <dt>{tr(WORDS.religion)}</dt><dd data-testid="religion">{data.religion ?? '—'}</dd>
      </dl>
      <DataTable
        caption={`${tr(WORDS.family)}${data.masked ? ` (${tr(WORDS.maskedMark)})` : ''}`}
        fileName={`than-nhan-${person.id}-${person.asOf}.xlsx`}
        rows={data.family}
        rowKey={(member) => member.id}
        columns={[
          { label: tr(WORDS.relation), value: (member) => enumWord(tr, 'relation', member.relation) },
          { label: t('fullName'), value: (member) => member.fullName, render: (member) => <span data-testid="family-name">{member.fullName}</span> },
          { label: t('birthYear'), value: (member) => member.birthYear ?? null },
          { label: tr(WORDS.occupation), value: (member) => member.occupation ?? null },
          { label: tr(WORDS.residence), value: (member) => member.residence ?? null },
        ]}
      />
    </section>
  );
}

/** The bodies that manage the person on the date, by which decentralisation rule. */
function ManagedBy({ person, tr }: { person: FiledPerson; tr: Translate }) {
  const { t, label } = useI18n();
  if (person.managedBy.length === 0) return <p className="muted" data-testid="managed-by-none">{tr(WORDS.managedBy)}: {tr(WORDS.noRule)}</p>;
  return (
    <DataTable
      caption={tr(WORDS.managedBy)}
      fileName={`co-quan-quan-ly-${person.id}-${person.asOf}.xlsx`}
      rows={person.managedBy}
      rowKey={(authority) => `${authority.unitCode}:${authority.body}:${authority.ruleCode}`}
      columns={[
        { label: tr(WORDS.managingUnit), value: (authority) => `${authority.unitName} (${authority.unitCode})`, render: (authority) => <span data-testid="managed-by-unit">{authority.unitName} ({authority.unitCode})</span> },
        { label: t('tier'), value: (authority) => label('tier', authority.tier) },
        { label: tr(WORDS.body), value: (authority) => enumWord(tr, 'body', authority.body) },
        { label: tr(WORDS.rule), value: (authority) => `${authority.ruleCode}: ${authority.subjectCode} — ${authority.sourceDocument}, ${authority.sourceArticle}` },
      ]}
    />
  );
}

/** Identity, qualifications, rank and salary, personal data and family, and who manages the person. */
export function PersonDetails({ person }: { person: FiledPerson }) {
  const { tr } = useI18n();
  return (
    <>
      <h2 data-testid="person-name">{person.fullName} <small>({tr(WORDS.identity)} · {person.asOf})</small></h2>
      <Identity person={person} tr={tr} />
      <Qualifications person={person} tr={tr} />
      <PersonalData person={person} tr={tr} />
      <ManagedBy person={person} tr={tr} />
    </>
  );
}
