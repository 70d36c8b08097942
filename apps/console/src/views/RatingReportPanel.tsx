import { useLazyQuery, useQuery } from '@apollo/client';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsoleRatingReportQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { countWithShare, RatingChart, type Distribution } from './RatingChart';
import { LEVELS, LEVEL_WORDS, WORDS } from './rating-words';

graphql(`
  fragment ConsoleDistribution on RatingDistribution {
    excellent good completed notCompleted total excellentShare goodShare completedShare notCompletedShare
  }
`);

const REPORT = graphql(`
  query ConsoleRatingReport($code: ID!, $year: Int!, $asOf: LocalDate!) {
    ratingReport(unitCode: $code, year: $year, asOf: $asOf) {
      unitCode unitName year asOf
      total { ...ConsoleDistribution }
      units { unitCode unitName ownAgencies ratings { ...ConsoleDistribution } }
      organizations { organizationId organizationName unitCode unitName ratings { ...ConsoleDistribution } }
      heads {
        organizationId organizationName unitCode unitName staffNotCompleted
        leaders { personId fullName titleCode level }
        staff { ...ConsoleDistribution }
      }
    }
  }
`);

const WORKBOOK = graphql(`
  query ConsoleRatingWorkbook($code: ID!, $year: Int!, $asOf: LocalDate!) {
    ratingReportWorkbook(unitCode: $code, year: $year, asOf: $asOf) { fileName contentType contentBase64 }
  }
`);

const W = {
  report: { vi: 'Báo cáo kết quả đánh giá, xếp loại chất lượng năm', en: 'Annual quality rating report' },
  asOfLevels: { vi: 'mức có hiệu lực ngày', en: 'levels in force on' },
  byUnit: { vi: 'Theo đơn vị', en: 'By unit' },
  byOrganization: { vi: 'Theo cơ quan, tổ chức', en: 'By organization' },
  byHead: { vi: 'Trách nhiệm người đứng đầu: xếp loại người đứng đầu và chất lượng cán bộ', en: 'Heads answer for their staff: leaders’ ratings beside their staff’s' },
  ownAgencies: { vi: '(các cơ quan của chính đơn vị)', en: '(its own agencies)' },
  leaders: { vi: 'Người đứng đầu, cấp phó', en: 'Leaders' },
  staff: { vi: 'Cán bộ (không kể lãnh đạo)', en: 'Staff (leaders left out)' },
  notCompletedFlag: { vi: 'Có cán bộ không hoàn thành nhiệm vụ', en: 'Some staff did not complete their tasks' },
  noLeaders: { vi: 'Chưa có người đứng đầu được xếp loại', en: 'No leader rated' },
  download: { vi: 'Tải biểu tổng hợp (Excel)', en: 'Download the official workbook (Excel)' },
  downloaded: { vi: 'Đã tải', en: 'Downloaded' },
};

/** The workbook the gateway sends (base64) handed to the browser as a download under its own name. */
function saveFile(file: { fileName: string; contentType: string; contentBase64: string }) {
  const bytes = Uint8Array.from(atob(file.contentBase64), (character) => character.charCodeAt(0));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The four level columns of a distribution table, each "count (share%)". */
function levelColumns<Row>(distribution: (row: Row) => Distribution, words: { language: 'vi' | 'en'; total: string }, suffix = ''): Column<Row>[] {
  return [
    ...LEVELS.map((level) => ({ label: `${level}${suffix}`, value: (row: Row) => countWithShare(distribution(row), level, words.language) })),
    { label: `${words.total}${suffix}`, value: (row: Row) => distribution(row).total },
  ];
}

/** The unit's rating report of a year, levels as in force on `asOf` (one request). */
export function useRatingReport(unitCode: string, year: number, asOf: string) {
  return useQuery(REPORT, { variables: { code: unitCode, year, asOf } });
}

interface Props {
  unitCode: string;
  year: number;
  asOf: string;
  answer: ReturnType<typeof useRatingReport>;
}

/** The unit's quality report of a year: the total by level as a chart, tables by unit, organization and head, and the official workbook. */
export function RatingReportPanel({ unitCode, year, asOf, answer }: Props) {
  const { tr, language } = useI18n();
  const variables = { code: unitCode, year, asOf };
  const { data, loading, error } = answer;
  const [fetchWorkbook, workbook] = useLazyQuery(WORKBOOK, { fetchPolicy: 'network-only' });
  const download = async () => {
    const result = await fetchWorkbook({ variables });
    if (result.data) saveFile(result.data.ratingReportWorkbook);
  };
  const report = data?.ratingReport;
  const fileStem = `xep-loai-${unitCode}-${year}-${asOf}`;
  return (
    <section className="rating-report" aria-label={tr(W.report)}>
      <header className="table-head">
        <h3>{tr(W.report)} {year}: {report?.unitName ?? unitCode} <span className="muted">({tr(W.asOfLevels)} {report?.asOf ?? asOf})</span></h3>
        <button type="button" name="downloadWorkbook" disabled={workbook.loading} onClick={() => void download()}>{tr(W.download)}</button>
      </header>
      {workbook.data && <p className="muted" data-testid="workbook-file">{tr(W.downloaded)}: {workbook.data.ratingReportWorkbook.fileName}</p>}
      <ErrorNotice error={workbook.error} />
      <ErrorNotice error={error} />
      {loading && !report ? <Loading /> : report && (
        <>
          <dl className="facts" data-testid="rating-total">
            {LEVELS.map((level) => (
              <div key={level} style={{ display: 'contents' }}>
                <dt>{level} — {tr(LEVEL_WORDS[level])}</dt>
                <dd data-testid={`total-${level}`}>{countWithShare(report.total, level, language)}</dd>
              </div>
            ))}
            <dt>{tr(WORDS.total)}</dt>
            <dd data-testid="total-rated">{report.total.total}</dd>
          </dl>
          <RatingChart distribution={report.total} />
          <DataTable
            caption={`${tr(W.byUnit)} — ${year}`}
            fileName={`${fileStem}-don-vi.xlsx`}
            rows={report.units}
            rowKey={(row) => `${row.unitCode}:${row.ownAgencies}`}
            columns={[
              { label: tr(WORDS.unit), value: (row) => `${row.unitName} (${row.unitCode})${row.ownAgencies ? ` ${tr(W.ownAgencies)}` : ''}` },
              ...levelColumns((row: (typeof report.units)[number]) => row.ratings, { language, total: tr(WORDS.total) }),
            ]}
          />
          <DataTable
            caption={`${tr(W.byOrganization)} — ${year}`}
            fileName={`${fileStem}-to-chuc.xlsx`}
            rows={report.organizations}
            rowKey={(row) => row.organizationId}
            columns={[
              { label: tr(WORDS.organization), value: (row) => row.organizationName ?? row.organizationId },
              { label: tr(WORDS.unit), value: (row) => row.unitName },
              ...levelColumns((row: (typeof report.organizations)[number]) => row.ratings, { language, total: tr(WORDS.total) }),
            ]}
          />
          <HeadsTable heads={report.heads} caption={`${tr(W.byHead)} — ${year}`} fileName={`${fileStem}-nguoi-dung-dau.xlsx`} />
        </>
      )}
    </section>
  );
}

type Head = ConsoleRatingReportQuery['ratingReport']['heads'][number];

/** Per organization: its leaders' own ratings beside their staff's distribution, staff not completing flagged. */
function HeadsTable({ heads, caption, fileName }: { heads: Head[]; caption: string; fileName: string }) {
  const { tr, language } = useI18n();
  const leaders = (row: Head) => row.leaders.map((leader) => `${leader.fullName} (${leader.titleCode}): ${leader.level}`).join('; ') || tr(W.noLeaders);
  return (
    <DataTable
      caption={caption}
      fileName={fileName}
      rows={heads}
      rowKey={(row) => row.organizationId}
      columns={[
        { label: tr(WORDS.organization), value: (row) => `${row.organizationName ?? row.organizationId} — ${row.unitName}` },
        {
          label: tr(W.leaders),
          value: leaders,
          render: (row) => row.leaders.length === 0 ? <span className="muted">{tr(W.noLeaders)}</span> : (
            <ul>{row.leaders.map((leader) => <li key={leader.personId} data-testid="head-leader" data-level={leader.level}>{leader.fullName} ({leader.titleCode}): <strong>{leader.level}</strong></li>)}</ul>
          ),
        },
        ...levelColumns((row: Head) => row.staff, { language, total: tr(WORDS.total) }, ` · ${tr(W.staff)}`),
        {
          label: tr(W.notCompletedFlag),
          value: (row) => (row.staffNotCompleted ? '⚠' : ''),
          render: (row) => row.staffNotCompleted ? <strong className="flag" data-testid="staff-not-completed" style={{ color: '#b71c1c' }}>⚠ {tr(W.notCompletedFlag)}</strong> : null,
        },
      ]}
    />
  );
}
