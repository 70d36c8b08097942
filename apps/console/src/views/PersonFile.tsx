import { useQuery } from '@apollo/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { PersonDetails } from './PersonDetails';
import { PersonPlanning } from './PersonPlanning';
import { PersonPosts } from './PersonPosts';
import { PersonRecords } from './PersonRecords';
import type { ViewProps } from './view-props';

const PERSON_FILE = graphql(`
  query ConsolePersonFile($id: ID!, $asOf: LocalDate!) {
    person(id: $id, asOf: $asOf) {
      id fullName birthYear gender unitCode category asOf validFrom validTo reason closedReason managedByMe
      educationLevel professionalLevel politicalTheoryLevel stateManagementTraining
      rankCode salaryStep salaryCoefficient
      decision { number decidedOn signer }
      personalData {
        masked personalId birthDate homePlace ethnicity religion
        family { id relation fullName birthYear occupation residence }
      }
      managedBy { tier unitCode unitName body ruleCode subjectKind subjectCode sourceDocument sourceArticle }
      ratingHistory { evaluationId year subject level points ruleSet ruleSource revision appealId effectiveDate unitCode titleCode }
      disciplines { id system form validFrom validTo reason decision { number decidedOn signer } }
      rewards { id form title validFrom reason decision { number decidedOn signer } }
    }
    titles(asOf: $asOf) { code name }
  }
`);

const WORDS = {
  back: { vi: 'Quay lại danh sách cán bộ', en: 'Back to the people' },
  noPerson: { vi: 'Chưa chọn người nào.', en: 'No person chosen.' },
  notFound: { vi: 'Không có hồ sơ này vào ngày đã chọn, hoặc hồ sơ ngoài địa bàn của bạn', en: 'No such file on that date, or it lies outside your territory' },
};

/** One person's e-file as of the date: identity, qualifications, rank and salary, personal data (masked unless managed), who manages them, posts, rotations, planning, rewards, disciplines and ratings. */
export function PersonFile({ who, asOf, params, go }: ViewProps) {
  const { tr } = useI18n();
  const id = params.get('person') ?? '';
  const { data, loading, error } = useQuery(PERSON_FILE, { variables: { id, asOf }, skip: id === '' });
  const person = data?.person;
  const titleNames = new Map((data?.titles ?? []).map((title) => [title.code, title.name]));
  const titleOf = (code: string) => (titleNames.get(code) ? `${titleNames.get(code)} (${code})` : code);
  return (
    <div className="view">
      <button type="button" name="back" className="secondary" onClick={() => go('people', { person: null })}>← {tr(WORDS.back)}</button>
      {id === '' && <p className="notice">{tr(WORDS.noPerson)}</p>}
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && !person && !error && <p className="notice" data-testid="person-not-found">{tr(WORDS.notFound)} ({id}, {asOf})</p>}
      {person && (
        <>
          <PersonDetails person={person} />
          <PersonPosts personId={person.id} unitCode={person.unitCode} asOf={person.asOf} titleOf={titleOf}>
            {(chain) => <PersonPlanning personId={person.id} chain={chain} callerUnitCode={who.unitCode} asOf={person.asOf} titleOf={titleOf} />}
          </PersonPosts>
          <PersonRecords person={person} titleOf={titleOf} />
        </>
      )}
    </div>
  );
}
