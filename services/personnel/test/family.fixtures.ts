import { demoTerritoryAnnouncements } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { personnelService } from '../src/service';

/** A family member as `personalData.family` answers it. */
export interface Member {
  id: string;
  relation: string;
  fullName: string;
  birthYear: number | null;
  occupation: string | null;
  residence: string | null;
}

export const RESIDENCE = 'Xã Định An, Dầu Tiếng, Bình Dương';

/** A commune cadre's family (fictional), recorded child first so that the answer shows the form's order. */
export const FAMILY = {
  child: { relation: 'CHILD', fullName: 'Nguyễn Văn Con', birthYear: 2018, occupation: 'Học sinh', residence: RESIDENCE },
  father: { relation: 'FATHER', fullName: 'Nguyễn Văn Cha', birthYear: 1962, occupation: 'Nông dân', residence: RESIDENCE },
  spouse: { relation: 'SPOUSE', fullName: 'Trần Thị Vợ', birthYear: 1992, occupation: 'Giáo viên, Trường Tiểu học Định An', residence: null },
};

const SELECTION = 'personalData { masked family { id relation fullName birthYear occupation residence } }';

/**
 * Personnel on its own database with the demo territory, two commune cadres of Xã Định An
 * registered on 2 January 2025, the first with {@link FAMILY} and the second with a sister,
 * recorded on 10 January 2025 by the district's officer.
 */
export class FamilyBench {
  readonly ids = { cadre: '', secondCadre: '', father: '', spouse: '' };
  private constructor(readonly service: RunningService) {}

  static async start(): Promise<FamilyBench> {
    const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel', 'ps_personnel_family_test'));
    await recreateTestDatabase(env.DATABASE_URL);
    const bench = new FamilyBench(await startService(personnelService, env));
    await publishAndAwait(
      demoTerritoryAnnouncements(),
      (messages) => bench.service.bus.publish(messages),
      async () => (await bench.service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
      'demo territory projected',
    );
    await bench.recordFamilies();
    return bench;
  }

  async call<T = Record<string, { id: string }>>(username: string, query: string, variables: Record<string, unknown> = {}) {
    return graphqlRequest<T>(this.service.url, query, { token: await tokenFor(username), variables });
  }

  record(username: string, input: Record<string, unknown>) {
    return this.call(username, 'mutation ($input: RecordFamilyMemberInput!) { recordFamilyMember(input: $input) { id } }', { input });
  }

  correct(id: string, input: Record<string, unknown>) {
    return this.call(DEMO_USERS.districtOrganizationBoard, 'mutation ($id: ID!, $input: CorrectFamilyMemberInput!) { correctFamilyMember(id: $id, input: $input) { id } }', { id, input });
  }

  end(username: string, id: string, change: Record<string, unknown>) {
    return this.call(username, 'mutation ($id: ID!, $change: EffectiveChangeInput!) { endFamilyMember(id: $id, change: $change) { id } }', { id, change });
  }

  /** The cadre's personal data (masked flag and family) as `username` reads it on `asOf`. */
  async familyOf(username: string, asOf: string, id = this.ids.cadre) {
    const response = await this.call<{ person: { personalData: { masked: boolean; family: Member[] } } }>(
      username, `query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { ${SELECTION} } }`, { id, asOf },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.person.personalData;
  }

  /** The staff of Xã Định An with their personal data, as `username` reads it on `asOf`. */
  staff(username: string, asOf: string) {
    return this.call<{ people: Array<{ personalData: { family: Member[] } }> }>(username, `query ($asOf: LocalDate) { people(unitCode: "25789", asOf: $asOf) { ${SELECTION} } }`, { asOf });
  }

  written() {
    return rowCounts((sql) => this.service.dataSource.query(sql), ['family_member', ...WRITE_TRAIL_TABLES]);
  }

  reads(): Promise<Array<{ username: string; target_id: string; fields: string[] }>> {
    return this.service.dataSource.query("SELECT username, target_id, fields FROM audit_log WHERE kind = 'READ' ORDER BY id");
  }

  private async recordFamilies(): Promise<void> {
    for (const [key, fullName, personalId] of [['cadre', 'Nguyễn Văn Cán', '074090001234'], ['secondCadre', 'Trần Văn Bộ', '074085004321']] as const) {
      const input = {
        unitCode: '25789', fullName, personalId, birthDate: `19${personalId.slice(4, 6)}-05-06`, gender: 'MALE', ethnicity: 'Kinh', homePlace: RESIDENCE,
        category: 'CADRE', change: changeOn('2025-01-02', { number: `${key}/QĐ-UBND` }),
      };
      const response = await this.call<{ registerPerson: { id: string } }>(DEMO_USERS.districtOrganizationBoard, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', { input });
      expect(response.errors).toBeUndefined();
      this.ids[key] = response.data?.registerPerson.id ?? '';
    }
    const declared = changeOn('2025-01-10', { reason: 'Kê khai lý lịch' });
    for (const member of Object.values(FAMILY)) expect((await this.record(DEMO_USERS.districtOrganizationBoard, { personId: this.ids.cadre, ...member, change: declared })).errors).toBeUndefined();
    const sister = { personId: this.ids.secondCadre, relation: 'SIBLING', fullName: 'Trần Thị Em', birthYear: 1990, change: declared };
    expect((await this.record(DEMO_USERS.districtOrganizationBoard, sister)).errors).toBeUndefined();
    const family = (await this.service.dataSource.query('SELECT id, relation FROM family_member')) as Array<{ id: string; relation: string }>;
    this.ids.father = family.find((member) => member.relation === 'FATHER')?.id ?? '';
    this.ids.spouse = family.find((member) => member.relation === 'SPOUSE')?.id ?? '';
  }
}
