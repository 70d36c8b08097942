import { addDays, checkCompatibility, MIN_DEPRECATION_DAYS } from './schema-compatibility';
import type { BreakingChangeDeclaration } from './schema-declarations';
import { addArgument, addDefinitions, changeFieldType, deprecateField, firstRelease, removeField, removeInputField } from './schema-plant.spec-support';
import type { SchemaRelease } from './schema-releases';
import { describeVerdict } from './schema-report';

// Composing and diffing the whole API takes seconds on a loaded CI machine.
jest.setTimeout(30_000);

const first = firstRelease();
const TODAY = '2027-06-01';
const judge = (current: string, declarations: BreakingChangeDeclaration[] = [], releases: SchemaRelease[] = [first], today = TODAY) =>
  checkCompatibility(current, releases, declarations, today);
const refusedOf = async (current: string) => (await judge(current)).refused.map(({ change }) => `${change.type} ${change.path}`);

describe('breaking changes planted into a copy of the last release', () => {
  it('finds no change in the release itself', async () => {
    const verdict = await judge(first.sdl);
    expect([verdict.refused, verdict.accepted, verdict.dangerous, verdict.safe].map((list) => list.length)).toEqual([0, 0, 0, 0]);
  });

  it('refuses a removed field, saying how to declare it', async () => {
    const verdict = await judge(removeField(first.sdl, 'Person.fullName'));
    expect(verdict.refused.map(({ change }) => `${change.type} ${change.path}`)).toEqual(['FIELD_REMOVED Person.fullName']);
    const report = describeVerdict(verdict);
    expect(report).toContain('REFUSED BREAKING CHANGES');
    expect(report).toContain('gateway/schema/breaking-changes.json');
    expect(report).toContain('{"coordinate":"Person.fullName","change":"FIELD_REMOVED"');
  });

  it('refuses a changed field type', async () => {
    expect(await refusedOf(changeFieldType(first.sdl, 'Person.fullName', 'Int!'))).toEqual(['FIELD_TYPE_CHANGED Person.fullName']);
  });

  it('refuses a new required argument, lists a new optional one as dangerous', async () => {
    expect(await refusedOf(addArgument(first.sdl, 'Query.annualScore', 'unitCode', 'ID!'))).toEqual(['FIELD_ARGUMENT_ADDED Query.annualScore.unitCode']);
    const optional = await judge(addArgument(first.sdl, 'Query.annualScore', 'unitCode', 'ID'));
    expect([optional.refused.length, optional.dangerous.map((change) => change.path)]).toEqual([0, ['Query.annualScore.unitCode']]);
  });

  it('lists a dangerous change (a new enum value) without failing', async () => {
    const current = addDefinitions(first.sdl, 'extend enum AppCapability { ADMIN }');
    const verdict = await judge(current);
    expect([verdict.refused.length, verdict.dangerous.map((change) => change.path)]).toEqual([0, ['AppCapability.ADMIN']]);
    expect(describeVerdict(verdict)).toContain('! AppCapability.ADMIN');
  });
});

describe('a declared removal', () => {
  const deprecatedOn = '2027-01-10';
  const deprecated: SchemaRelease = { version: '0.2.0', date: deprecatedOn, sdl: deprecateField(first.sdl, 'Person.fullName', 'dùng name / use name') };
  const removed = removeField(deprecated.sdl, 'Person.fullName');
  const declaration = (overrides: Partial<BreakingChangeDeclaration> = {}): BreakingChangeDeclaration => ({
    coordinate: 'Person.fullName',
    change: 'FIELD_REMOVED',
    reason: 'thay bằng name / replaced by name',
    deprecatedSince: '0.2.0',
    removableAfter: addDays(deprecatedOn, MIN_DEPRECATION_DAYS),
    ...overrides,
  });
  const whyRefused = async (declared: BreakingChangeDeclaration, releases = [first, deprecated], today = TODAY) =>
    (await judge(removed, [declared], releases, today)).refused.map(({ why }) => why);

  it('is accepted once the field was deprecated in a release and its period has passed', async () => {
    const verdict = await judge(removed, [declaration()], [first, deprecated]);
    expect([verdict.refused.length, verdict.accepted.map(({ change }) => change.path), verdict.unused.length]).toEqual([0, ['Person.fullName'], 0]);
    expect(describeVerdict(verdict)).toContain('✓ Person.fullName');
  });

  it('is refused while the deprecation period runs', async () => {
    expect(await whyRefused(declaration(), [first, deprecated], '2027-02-01')).toEqual([expect.stringContaining('deprecation period runs until 2027-04-10')]);
  });

  it('is refused when removableAfter is shorter than the period', async () => {
    expect(await whyRefused(declaration({ removableAfter: '2027-02-01' }))).toEqual([expect.stringContaining('the earliest is 2027-04-10')]);
  });

  it('is refused when the field was never deprecated in a release', async () => {
    const undeprecated: SchemaRelease = { ...deprecated, sdl: first.sdl };
    expect(await whyRefused(declaration(), [first, undeprecated])).toEqual([expect.stringContaining('`Person.fullName` is not @deprecated in release 0.2.0')]);
  });

  it('is refused when deprecatedSince is not a release', async () => {
    expect(await whyRefused(declaration({ deprecatedSince: '0.1.5' }))).toEqual([expect.stringContaining('0.1.5 is not a released version (released: 0.1.0, 0.2.0)')]);
  });

  it('that matches no change is listed as unused', async () => {
    const verdict = await judge(deprecated.sdl, [declaration()], [first, deprecated]);
    expect([verdict.refused.length, verdict.unused.map((unused) => unused.coordinate)]).toEqual([0, ['Person.fullName']]);
  });
});

it('accepts the README example: the input field deprecated in 0.1.0, removed once 90 days have passed', async () => {
  const current = removeInputField(first.sdl, 'RegisterPersonInput.birthYear');
  const declared: BreakingChangeDeclaration = { coordinate: 'RegisterPersonInput.birthYear', change: 'INPUT_FIELD_REMOVED', reason: 'năm sinh lấy từ birthDate / taken from birthDate', deprecatedSince: '0.1.0', removableAfter: '2027-03-06' };
  const onTheDay = await judge(current, [declared], [first], '2027-03-06');
  const dayBefore = await judge(current, [declared], [first], '2027-03-05');
  expect([onTheDay.accepted.length, onTheDay.refused.length, dayBefore.refused.length]).toEqual([1, 0, 1]);
});
