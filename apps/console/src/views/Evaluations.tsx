import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { EvaluationList } from './EvaluationList';
import { RatingReportPanel, useRatingReport } from './RatingReportPanel';
import { STATUSES, STATUS_WORDS, type Status } from './rating-words';
import type { ViewProps } from './view-props';

const W = {
  title: { vi: 'Đánh giá, xếp loại chất lượng', en: 'Evaluations and ratings' },
  year: { vi: 'Năm đánh giá', en: 'Year rated' },
  status: { vi: 'Trạng thái phiếu', en: 'Evaluation status' },
  everyStatus: { vi: 'Tất cả', en: 'All' },
};

/** The year in the address (`year`), else the year before the date shown: the last year rated. */
export function yearOf(params: URLSearchParams, asOf: string): number {
  const asked = params.get('year');
  return asked && /^\d{4}$/.test(asked) ? Number(asked) : Number(asOf.slice(0, 4)) - 1;
}

const statusOf = (params: URLSearchParams): Status | null => STATUSES.find((status) => status === params.get('status')) ?? null;

/** A four-digit year typed; only a whole year reaches the view. */
function YearField({ year, onChange, label }: { year: number; onChange(year: number): void; label: string }) {
  const [text, setText] = useState(String(year));
  useEffect(() => setText(String(year)), [year]);
  return (
    <label className="date-field">
      <span>{label}</span>
      <input
        type="number"
        name="year"
        min={1990}
        max={9999}
        value={text}
        aria-invalid={!/^\d{4}$/.test(text)}
        onChange={(event) => {
          setText(event.target.value);
          if (/^\d{4}$/.test(event.target.value)) onChange(Number(event.target.value));
        }}
      />
    </label>
  );
}

/**
 * The unit's annual quality rating: the report of the year (levels by unit, organization and
 * head, as a chart and tables, with the official workbook), the evaluations in the workflow
 * filtered by status with quota warnings, and for officers the next step on each.
 */
export function Evaluations({ who, unitCode, asOf, params, go }: ViewProps) {
  const { tr } = useI18n();
  const year = yearOf(params, asOf);
  const status = statusOf(params);
  const report = useRatingReport(unitCode, year, asOf);
  const organizationNames = new Map((report.data?.ratingReport.organizations ?? []).flatMap((row) => (row.organizationName ? [[row.organizationId, row.organizationName] as const] : [])));
  return (
    <div className="view">
      <h2>{tr(W.title)}: <span data-testid="evaluations-unit">{report.data?.ratingReport.unitName ?? unitCode}</span> · <span data-testid="evaluations-year">{year}</span></h2>
      <div className="controls">
        <YearField label={tr(W.year)} year={year} onChange={(next) => go('evaluations', { year: String(next) })} />
        <label className="date-field">
          <span>{tr(W.status)}</span>
          <select name="status" value={status ?? ''} onChange={(event) => go('evaluations', { status: event.target.value || null })}>
            <option value="">{tr(W.everyStatus)}</option>
            {STATUSES.map((option) => <option key={option} value={option}>{tr(STATUS_WORDS[option])}</option>)}
          </select>
        </label>
      </div>
      <RatingReportPanel unitCode={unitCode} year={year} asOf={asOf} answer={report} />
      <EvaluationList who={who} unitCode={unitCode} year={year} status={status} organizationNames={organizationNames} />
    </div>
  );
}
