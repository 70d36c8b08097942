import { sendOperation } from '../exchange';
import { TARGETS, tokenOf, urlOf, type Case, type TargetName } from '../targets';

/** On each target, a field, an argument and a type spelt one letter wrong (each would get a "Did you mean" with suggestions on). */
const MISSPELT: Record<TargetName, { field: string; argument: string; type: string }> = {
  gateway: {
    field: '{ unit(code: "720") { nam } }',
    argument: '{ unit(cod: "720") { name } }',
    type: 'query ($d: LocalDat) { unit(code: "720", asOf: $d) { name } }',
  },
  organization: {
    field: '{ unitt(code: "720") { name } }',
    argument: '{ units(parentCod: "720") { name } }',
    type: '{ unit(code: "720") { ... on AdministrativeUnt { name } } }',
  },
  personnel: {
    field: '{ people(unitCode: "25801") { fullNam } }',
    argument: '{ people(unitCod: "25801") { id } }',
    type: 'mutation ($input: RegisterPersonInpt!) { registerPerson(input: $input) { id } }',
  },
  evaluation: {
    field: '{ _servic { sdl } }',
    argument: '{ _entities(representation: []) { __typename } }',
    type: 'mutation ($input: RecordResponsibilityRuleInpt!) { recordResponsibilityRule(input: $input) { id } }',
  },
  reform: {
    field: '{ _service { sdll } }',
    argument: '{ _entities(representatons: []) { __typename } }',
    type: 'mutation ($input: CreateReformPlanInpt!) { createReformPlan(input: $input) { id } }',
  },
};

/** Introspection is off and no answer suggests a name (GRAPHQL_INTROSPECTION unset), on the gateway and every subgraph. */
export function schemaCases(): Case[] {
  return TARGETS.flatMap((target) => {
    const documents: Array<[string, string]> = [
      ['__schema', '{ __schema { types { name fields { name } } } }'],
      ['__type', '{ __type(name: "Query") { fields { name args { name } } } }'],
      ['__type hidden behind a fragment', '{ ...Q } fragment Q on Query { __type(name: "Mutation") { name } }'],
      ['a misspelt field', MISSPELT[target].field],
      ['a misspelt argument', MISSPELT[target].argument],
      ['a misspelt type', MISSPELT[target].type],
    ];
    return documents.map(([name, query]): Case => ({
      target,
      kind: 'schema',
      name,
      send: () => sendOperation(urlOf(target), query, {}, { token: tokenOf('schema') }),
      expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    }));
  });
}
