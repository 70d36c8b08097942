import { useQuery } from '@apollo/client';
import { useEffect, useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import type { MoveHere } from './Organizations';

const OVERLAPS = graphql(`
  query ConsoleDutyOverlaps($code: ID!, $asOf: LocalDate!, $subunits: Boolean!, $minSimilarity: Float) {
    dutyOverlaps(unitCode: $code, asOf: $asOf, includeSubunits: $subunits, minSimilarity: $minSimilarity) {
      unitCode similarity exact matchedText
      first { id text organization { id name } }
      second { id text organization { id name } }
    }
  }
`);

const WORDS = {
  caption: { vi: 'Chức năng, nhiệm vụ chồng chéo', en: 'Overlapping duties' },
  subunits: { vi: 'Cả các đơn vị trực thuộc', en: 'Include units below' },
  minSimilarity: { vi: 'Ngưỡng tương đồng (0–1, bỏ trống: mặc định)', en: 'Least similarity (0–1, blank: default)' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  firstOrganization: { vi: 'Tổ chức thứ nhất', en: 'First organization' },
  firstDuty: { vi: 'Nhiệm vụ của tổ chức thứ nhất', en: 'First organization’s duty' },
  secondOrganization: { vi: 'Tổ chức thứ hai', en: 'Second organization' },
  secondDuty: { vi: 'Nhiệm vụ của tổ chức thứ hai', en: 'Second organization’s duty' },
  similarity: { vi: 'Độ tương đồng', en: 'Similarity' },
  exact: { vi: 'Trùng hẳn', en: 'Identical' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};

interface Props {
  unitCode: string;
  asOf: string;
  params: URLSearchParams;
  move: MoveHere;
}

/** The threshold in the address (`similarity`), or null for the service's default. */
function similarityOf(params: URLSearchParams): number | null {
  const value = params.get('similarity');
  if (!value) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** True for a threshold the service takes: above 0, at most 1. */
const isThreshold = (text: string) => text.trim() !== '' && Number(text) > 0 && Number(text) <= 1;

/** The least similarity typed; only a threshold the service takes (or blank, its default) reaches the address. */
function SimilarityField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { tr } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="search">
      <span>{tr(WORDS.minSimilarity)}</span>
      <input
        type="number" name="minSimilarity" min={0.05} max={1} step={0.05} value={text} aria-invalid={text !== '' && !isThreshold(text)}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '' || isThreshold(event.target.value)) onChange(event.target.value.trim());
        }}
      />
    </label>
  );
}

const percent = (similarity: number) => `${Math.round(similarity * 100)}%`;

/** Pairs of duties two organizations of one unit both hold, identical or reworded, most alike first; optionally in the units below too. */
export function DutyOverlaps({ unitCode, asOf, params, move }: Props) {
  const { tr } = useI18n();
  const subunits = params.get('subunits') === '1';
  const minSimilarity = similarityOf(params);
  const { data, loading, error } = useQuery(OVERLAPS, { variables: { code: unitCode, asOf, subunits, minSimilarity } });
  const rows = data?.dutyOverlaps ?? [];
  type Row = (typeof rows)[number];
  const organizationLink = (duty: Row['first']) => duty.organization ? (
    <a href="#" data-testid="overlap-organization" data-id={duty.organization.id} onClick={(event) => { event.preventDefault(); move({ organization: duty.organization?.id ?? null }); }}>
      {duty.organization.name}
    </a>
  ) : '—';
  return (
    <section data-testid="duty-overlaps">
      <div className="controls">
        <label>
          <input type="checkbox" name="subunits" checked={subunits} onChange={(event) => move({ subunits: event.target.checked ? '1' : null })} />
          <span>{tr(WORDS.subunits)}</span>
        </label>
        <SimilarityField value={params.get('similarity') ?? ''} onChange={(value) => move({ similarity: value || null })} />
      </div>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={`${tr(WORDS.caption)}: ${unitCode}${subunits ? ` · ${tr(WORDS.subunits).toLowerCase()}` : ''} (${asOf})`}
          fileName={`nhiem-vu-chong-cheo-${unitCode}${subunits ? '-ca-cap-duoi' : ''}-${asOf}.xlsx`}
          rows={rows}
          rowKey={(row) => `${row.unitCode}:${row.first.id}:${row.second.id}`}
          columns={[
            { label: tr(WORDS.unit), value: (row) => row.unitCode },
            { label: tr(WORDS.firstOrganization), value: (row) => row.first.organization?.name ?? null, render: (row) => organizationLink(row.first) },
            { label: tr(WORDS.firstDuty), value: (row) => row.first.text },
            { label: tr(WORDS.secondOrganization), value: (row) => row.second.organization?.name ?? null, render: (row) => organizationLink(row.second) },
            { label: tr(WORDS.secondDuty), value: (row) => row.second.text },
            {
              label: tr(WORDS.similarity),
              value: (row) => Math.round(row.similarity * 100) / 100,
              render: (row) => <span data-testid="overlap-similarity" data-exact={row.exact ? 'true' : 'false'}>{percent(row.similarity)}</span>,
            },
            { label: tr(WORDS.exact), value: (row) => tr(row.exact ? WORDS.yes : WORDS.no) },
          ]}
        />
      )}
    </section>
  );
}
