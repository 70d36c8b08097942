import { ApolloError, useApolloClient, useQuery } from '@apollo/client';
import { useEffect, useState } from 'react';
import { AUDIT_SERVICES, daysBefore, followedTrail, type AuditService } from '../audit-trail';
import { DataTable } from '../components/DataTable';
import { DateField } from '../components/DateField';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsoleAuditTrailQuery, ConsoleAuditTrailQueryVariables } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { auditColumns, type AuditPage, type AuditRow } from './AuditColumns';
import type { ViewProps } from './view-props';

const AUDIT_TRAIL = graphql(`
  query ConsoleAuditTrail(
    $unitCode: ID!, $from: LocalDate!, $to: LocalDate!, $operation: String, $first: Int!,
    $organizationAfter: String, $personnelAfter: String, $evaluationAfter: String, $reformAfter: String,
    $withOrganization: Boolean!, $withPersonnel: Boolean!, $withEvaluation: Boolean!, $withReform: Boolean!
  ) {
    auditTrail(unitCode: $unitCode, from: $from, to: $to, operation: $operation) {
      id
      organization(first: $first, after: $organizationAfter) @include(if: $withOrganization) { ...ConsoleAuditPage }
      personnel(first: $first, after: $personnelAfter) @include(if: $withPersonnel) { ...ConsoleAuditPage }
      evaluation(first: $first, after: $evaluationAfter) @include(if: $withEvaluation) { ...ConsoleAuditPage }
      reform(first: $first, after: $reformAfter) @include(if: $withReform) { ...ConsoleAuditPage }
    }
  }
  fragment ConsoleAuditPage on AuditPage {
    totalCount
    pageInfo { hasNextPage endCursor }
    entries {
      id occurredAt kind operation fields effectiveDate before after correlationId
      actor { username role unitCode }
      target { type id label unitCode }
      decision { number date signer issuer }
    }
  }
`);

/** The most entries a service's page may carry (1–200): the fewest requests for a long trail. */
const PAGE_SIZE = 200;

const WORDS = {
  title: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  operation: { vi: 'Thao tác (vd. mergeUnits)', en: 'Operation (e.g. mergeUnits)' },
  shown: { vi: 'Đã tải', en: 'Loaded' },
  of: { vi: 'trên tổng số', en: 'of' },
  more: { vi: 'Tải thêm', en: 'Load more' },
  organization: { vi: 'Tổ chức', en: 'Organization' },
  personnel: { vi: 'Nhân sự', en: 'Personnel' },
  evaluation: { vi: 'Đánh giá', en: 'Evaluation' },
  reform: { vi: 'Cải cách', en: 'Reform' },
};

type Question = Pick<ConsoleAuditTrailQueryVariables, 'unitCode' | 'from' | 'to' | 'operation'>;
type Pages = Partial<Record<AuditService, AuditPage[]>>;

/** The variables of one request: each service asked from its cursor, or left out when it has no page to give. */
function variablesFor(question: Question, after: Partial<Record<AuditService, string | null>>): ConsoleAuditTrailQueryVariables {
  const has = (service: AuditService) => service in after;
  return {
    ...question, first: PAGE_SIZE,
    organizationAfter: after.organization ?? null, personnelAfter: after.personnel ?? null, evaluationAfter: after.evaluation ?? null, reformAfter: after.reform ?? null,
    withOrganization: has('organization'), withPersonnel: has('personnel'), withEvaluation: has('evaluation'), withReform: has('reform'),
  };
}

const FIRST_PAGES = Object.fromEntries(AUDIT_SERVICES.map((service) => [service, null]));

function pagesOf(data: ConsoleAuditTrailQuery | undefined): Pages {
  const trail = data?.auditTrail;
  if (!trail) return {};
  return Object.fromEntries(AUDIT_SERVICES.flatMap((service) => (trail[service] ? [[service, [trail[service]]]] : [])));
}

/** One question's trail: the first page of every service, then the next pages asked for, joined newest first. */
function AuditResults({ question }: { question: Question }) {
  const { tr } = useI18n();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(AUDIT_TRAIL, { variables: variablesFor(question, FIRST_PAGES), fetchPolicy: 'network-only' });
  const [more, setMore] = useState<Pages>({});
  const [fetching, setFetching] = useState(false);
  const [moreError, setMoreError] = useState<ApolloError | undefined>(undefined);
  const first = pagesOf(data);
  const pages: Pages = Object.fromEntries(AUDIT_SERVICES.map((service) => [service, [...(first[service] ?? []), ...(more[service] ?? [])]]));
  const trail = followedTrail(pages);
  const loadMore = async () => {
    setFetching(true);
    const result = await client.query({ query: AUDIT_TRAIL, variables: variablesFor(question, trail.next), fetchPolicy: 'network-only' });
    setMoreError(result.error ?? (result.errors ? new ApolloError({ graphQLErrors: result.errors }) : undefined));
    const next = pagesOf(result.data);
    setMore((read) => Object.fromEntries(AUDIT_SERVICES.map((service) => [service, [...(read[service] ?? []), ...(next[service] ?? [])]])));
    setFetching(false);
  };
  if (loading && !data) return <Loading />;
  const totals = AUDIT_SERVICES.map((service) => `${tr(WORDS[service])}: ${pages[service]?.at(-1)?.totalCount ?? 0}`).join(' · ');
  return (
    <>
      <ErrorNotice error={error ?? moreError} />
      <p data-testid="audit-count">
        {tr(WORDS.shown)} <strong data-testid="audit-loaded">{trail.rows.length}</strong> {tr(WORDS.of)} <strong data-testid="audit-total">{trail.total}</strong> ({totals})
      </p>
      <DataTable<AuditRow>
        caption={`${tr(WORDS.title)} ${question.unitCode}: ${question.from} → ${question.to}${question.operation ? ` (${question.operation})` : ''}`}
        fileName={`nhat-ky-${question.unitCode}-${question.from}-${question.to}.xlsx`}
        rows={trail.rows}
        rowKey={(row) => `${row.service}:${row.id}`}
        columns={auditColumns(tr)}
      />
      {Object.keys(trail.next).length > 0 && (
        <button type="button" name="loadMore" disabled={fetching} onClick={() => void loadMore().catch((failure: ApolloError) => { setMoreError(failure); setFetching(false); })}>{tr(WORDS.more)}</button>
      )}
    </>
  );
}

/** `go` bound to this view, 'audit'; widened to any path until route.ts's View names it (then the widening changes nothing). */
function movesHere(go: ViewProps['go']): (changes: Record<string, string | null>) => void {
  return (changes) => go('audit', changes);
}

/** Who changed what in a unit and below, when, on which decision, between two dates (newest first), optionally one operation only. */
export function Audit({ unitCode, asOf, params, go }: ViewProps) {
  const { tr } = useI18n();
  const move = movesHere(go);
  const to = params.get('to') ?? asOf;
  const from = params.get('from') ?? daysBefore(to, 30);
  const operation = params.get('operation')?.trim() || null;
  const [typed, setTyped] = useState(operation ?? '');
  useEffect(() => setTyped(operation ?? ''), [operation]);
  const question: Question = { unitCode, from, to, operation };
  return (
    <div className="view">
      <h2>{tr(WORDS.title)} ({unitCode})</h2>
      <form className="controls" onSubmit={(event) => { event.preventDefault(); move({ operation: typed.trim() || null }); }}>
        <DateField name="from" label={tr(WORDS.from)} value={from} max={to} onChange={(date) => move({ from: date })} />
        <DateField name="to" label={tr(WORDS.to)} value={to} onChange={(date) => move({ to: date })} />
        <label className="search">
          <span>{tr(WORDS.operation)}</span>
          <input type="search" name="operation" value={typed} onChange={(event) => setTyped(event.target.value)} onBlur={() => move({ operation: typed.trim() || null })} />
        </label>
      </form>
      <AuditResults key={JSON.stringify(question)} question={question} />
    </div>
  );
}
