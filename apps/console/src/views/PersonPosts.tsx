import { useQuery } from '@apollo/client';
import type { ReactNode } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsolePersonPostsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { decisionLine } from './person-words';

const PERSON_POSTS = graphql(`
  query ConsolePersonPosts($unitCode: ID!, $asOf: LocalDate!) {
    unit(code: $unitCode, asOf: $asOf) {
      code name
      organizations { id name assignments { ...ConsolePersonAssignment } }
      parent {
        code name
        organizations { id name assignments { ...ConsolePersonAssignment } }
        parent { code name }
      }
    }
    rotations(unitCode: $unitCode, asOf: $asOf) {
      id personId fromUnitCode toUnitCode titleCode startsOn plannedEndOn validTo
      decision { number decidedOn signer }
    }
  }
  fragment ConsolePersonAssignment on Assignment {
    id personId titleCode concurrent seatId validFrom validTo
    decision { number decidedOn signer }
  }
`);

type Unit = NonNullable<ConsolePersonPostsQuery['unit']>;
type Organizations = Unit['organizations'];

const WORDS = {
  assignments: { vi: 'Chức vụ, phân công đang giữ', en: 'Posts held' },
  rotations: { vi: 'Luân chuyển', en: 'Rotations' },
  title: { vi: 'Chức danh', en: 'Title' },
  organization: { vi: 'Cơ quan, tổ chức', en: 'Organization' },
  kind: { vi: 'Chính / kiêm nhiệm', en: 'Primary / concurrent' },
  primary: { vi: 'Chính', en: 'Primary' },
  concurrent: { vi: 'Kiêm nhiệm', en: 'Concurrent' },
  since: { vi: 'Từ ngày', en: 'Since' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  fromUnit: { vi: 'Đơn vị đi', en: 'From unit' },
  toUnit: { vi: 'Đơn vị đến', en: 'To unit' },
  starts: { vi: 'Bắt đầu', en: 'Starts' },
  plannedEnd: { vi: 'Kết thúc dự kiến', en: 'Planned end' },
};

/** The person's assignments in the organizations given, each with its organization's name. */
function postsOf(personId: string, organizations: Organizations) {
  return organizations.flatMap((organization) =>
    organization.assignments.filter((assignment) => assignment.personId === personId).map((assignment) => ({ ...assignment, organizationName: organization.name })),
  );
}

interface Props {
  personId: string;
  unitCode: string;
  asOf: string;
  titleOf(code: string): string;
  /** What follows, given the units from the person's up (the person's unit first). */
  children(chain: string[]): ReactNode;
}

/** The posts the person holds on the date (in the organizations of their unit and the unit above) and their rotations. */
export function PersonPosts({ personId, unitCode, asOf, titleOf, children }: Props) {
  const { tr } = useI18n();
  const { data, loading, error } = useQuery(PERSON_POSTS, { variables: { unitCode, asOf } });
  if (loading && !data) return <Loading />;
  const unit = data?.unit;
  const posts = unit ? [...postsOf(personId, unit.organizations), ...postsOf(personId, unit.parent?.organizations ?? [])] : [];
  const rotations = (data?.rotations ?? []).filter((rotation) => rotation.personId === personId);
  const chain = unit ? [unit.code, unit.parent?.code, unit.parent?.parent?.code].filter((code): code is string => Boolean(code)) : [unitCode];
  return (
    <>
      <ErrorNotice error={error} />
      <DataTable
        caption={tr(WORDS.assignments)}
        fileName={`chuc-vu-${personId}-${asOf}.xlsx`}
        rows={posts}
        rowKey={(post) => post.id}
        columns={[
          { label: tr(WORDS.title), value: (post) => titleOf(post.titleCode), render: (post) => <span data-testid="assignment-title" data-title-code={post.titleCode}>{titleOf(post.titleCode)}</span> },
          { label: tr(WORDS.organization), value: (post) => post.organizationName, render: (post) => <span data-testid="assignment-organization">{post.organizationName}</span> },
          { label: tr(WORDS.kind), value: (post) => tr(post.concurrent ? WORDS.concurrent : WORDS.primary) },
          { label: tr(WORDS.since), value: (post) => post.validFrom },
          { label: tr(WORDS.decision), value: (post) => decisionLine(post.decision) },
        ]}
      />
      <DataTable
        caption={tr(WORDS.rotations)}
        fileName={`luan-chuyen-${personId}-${asOf}.xlsx`}
        rows={rotations}
        rowKey={(rotation) => rotation.id}
        columns={[
          { label: tr(WORDS.fromUnit), value: (rotation) => rotation.fromUnitCode },
          { label: tr(WORDS.toUnit), value: (rotation) => rotation.toUnitCode, render: (rotation) => <span data-testid="rotation-to">{rotation.toUnitCode}</span> },
          { label: tr(WORDS.title), value: (rotation) => titleOf(rotation.titleCode) },
          { label: tr(WORDS.starts), value: (rotation) => rotation.startsOn },
          { label: tr(WORDS.plannedEnd), value: (rotation) => rotation.plannedEndOn },
          { label: tr(WORDS.decision), value: (rotation) => decisionLine(rotation.decision) },
        ]}
      />
      {children(chain)}
    </>
  );
}
