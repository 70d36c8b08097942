import { loadEnv, mapWithConcurrency, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, graphqlRequest, infrastructure, recreateTestDatabase, serviceTestEnv, signInThroughForm, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';
import { accountChange as change, claimsOf, configureAccountAdministration, realm, refusal } from './account.support';

/**
 * Account administration per territory against the real Keycloak: the accounts live in the realm,
 * the rules and the audit trail in the organization service. The demo territory here is Bình
 * Dương before the 2025 reorganisation (its province and district still serve); the test merges
 * An Lập away at the end to see its accounts flagged.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_accounts_test'));
const run = Date.now().toString(36);
const username = (name: string) => `test.${name}.${run}`;
const NEW_PASSWORD = 'Doi-Mat-Khau-2026';
let service: RunningService;
const created: string[] = [];

const ask = async <T>(user: string, query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphqlRequest<T>(service.url, query, { token: token ?? (await tokenFor(user)), variables });
const auditRows = async (): Promise<number> => (await service.dataSource.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

const USER_FIELDS = 'id username unitCode unitName roles enabled mustChangePassword needsReassignment unitEndedOn successorUnitCode';
const INVITE = `mutation ($input: InviteUserInput!, $change: AccountChangeInput!) { inviteUser(input: $input, change: $change) { temporaryPassword user { ${USER_FIELDS} } } }`;
const USERS = `query ($unitCode: String!) { users(unitCode: $unitCode) { ${USER_FIELDS} } }`;
const ASSIGN = `mutation ($id: ID!, $role: String!, $unitCode: String, $change: AccountChangeInput!) { assignRole(userId: $id, role: $role, unitCode: $unitCode, change: $change) { ${USER_FIELDS} } }`;
const DISABLE = `mutation ($id: ID!, $change: AccountChangeInput!) { disableUser(userId: $id, change: $change) { ${USER_FIELDS} } }`;
const ENABLE = `mutation ($id: ID!, $change: AccountChangeInput!) { enableUser(userId: $id, change: $change) { ${USER_FIELDS} } }`;
const RESET = `mutation ($id: ID!, $change: AccountChangeInput!) { resetCredentials(userId: $id, change: $change) { temporaryPassword user { ${USER_FIELDS} } } }`;

type Invited = { inviteUser: { temporaryPassword: string; user: { id: string; username: string; roles: string[]; unitCode: string } } };
const invite = (by: string, input: Record<string, unknown>, number = 'QĐ-TK/1') =>
  ask<Invited>(by, INVITE, { input: { firstName: 'Văn A', lastName: 'Nguyễn', ...input }, change: change(number) }).then((response) => {
    if (response.data) created.push(response.data.inviteUser.user.id);
    return response;
  });

let anLapAdmin = { id: '', username: username('anlap'), password: '' };

beforeAll(async () => {
  configureAccountAdministration();
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  // A commune of the other province (the city's wards sit directly under it since July 2025).
  const ward = await ask(DEMO_USERS.hcmcAdmin, 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code } }', {
    input: {
      code: '26734', name: 'Phường Sài Gòn', tier: 'COMMUNE', parentCode: '79',
      change: { effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính', decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' } },
    },
  });
  expect(ward.errors).toBeUndefined();
});

afterAll(async () => {
  await mapWithConcurrency(created, 8, (id) => realm.deleteUser(id).catch(() => undefined));
  await service?.stop();
});

describe('a province administrator appoints a commune administrator', () => {
  it('creates the account in the realm with one role and its unit; the trail has who, what and the decision', async () => {
    const response = await invite(DEMO_USERS.provinceAdmin, { username: anLapAdmin.username, email: `${anLapAdmin.username}@demo.local`, unitCode: '25801', role: 'commune-admin' });
    expect(response.errors).toBeUndefined();
    const { user, temporaryPassword } = response.data!.inviteUser;
    expect(user).toMatchObject({
      username: anLapAdmin.username, unitCode: '25801', unitName: 'Xã An Lập', roles: ['commune-admin'], enabled: true,
      mustChangePassword: true, needsReassignment: false, unitEndedOn: null, successorUnitCode: null,
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}-Ab7$/);
    anLapAdmin = { ...anLapAdmin, id: user.id, password: temporaryPassword };

    const inRealm = await realm.userNamed(anLapAdmin.username);
    expect(inRealm).toMatchObject({ id: user.id, unitCode: '25801', enabled: true, requiredActions: ['UPDATE_PASSWORD'] });
    const [row] = await service.dataSource.query(
      `SELECT operation, username, role, target_type AS "targetType", target_label AS label, unit_code AS "unitCode", before, after, decision->>'number' AS decision
         FROM audit_log WHERE target_id = $1`,
      [user.id],
    );
    expect(row).toEqual({
      operation: 'inviteUser', username: DEMO_USERS.provinceAdmin, role: 'province-admin', targetType: 'PlatformUser',
      label: `${anLapAdmin.username} – Xã An Lập (25801)`, unitCode: '25801', before: null, decision: 'QĐ-TK/1',
      after: { username: anLapAdmin.username, unitCode: '25801', roles: ['commune-admin'], enabled: true, mustChangePassword: true },
    });

    const listed = await ask<{ users: Array<{ username: string }> }>(DEMO_USERS.provinceAdmin, USERS, { unitCode: '25801' });
    expect(listed.data?.users.map((account) => account.username)).toEqual(expect.arrayContaining(['admin.anlap', 'officer.anlap', anLapAdmin.username]));
  });

  it('lets the new administrator sign in only after changing the temporary password, and shows it An Lập alone', async () => {
    const signedIn = await signInThroughForm(anLapAdmin.username, anLapAdmin.password, NEW_PASSWORD);
    expect(signedIn.requiredAction).toBe('UPDATE_PASSWORD');
    const claims = claimsOf<{ unit_code: string; realm_access: { roles: string[] } }>(signedIn.accessToken);
    expect(claims.unit_code).toBe('25801');
    expect(claims.realm_access.roles).toContain('commune-admin');

    const token = signedIn.accessToken;
    const own = await ask<{ unit: { code: string; name: string } }>('', '{ unit(code: "25801") { code name } }', {}, token);
    expect(own.data?.unit).toEqual({ code: '25801', name: 'Xã An Lập' });
    const children = await ask<{ units: Array<{ code: string }> }>('', '{ units(parentCode: "720") { code } }', {}, token);
    expect(children.data?.units ?? []).toEqual([{ code: '25801' }]);
    for (const code of ['25789', '720', '74']) {
      const beside = await ask('', `{ unit(code: "${code}") { code } }`, {}, token);
      expect(refusal(beside)).toEqual({ code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' });
    }
  });

  it('refuses a unit outside the caller’s territory and writes nothing, in the realm or the trail', async () => {
    const before = await auditRows();
    const response = await invite(DEMO_USERS.provinceAdmin, { username: username('hcmc'), unitCode: '26734', role: 'commune-admin' });
    expect(refusal(response)).toEqual({ code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' });
    const city = await invite(DEMO_USERS.provinceAdmin, { username: username('hcmc'), unitCode: '79', role: 'province-officer' });
    expect(refusal(city)).toEqual({ code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' });
    const beside = await invite(DEMO_USERS.dinhAnAdmin, { username: username('beside'), unitCode: '25801', role: 'commune-viewer' });
    expect(refusal(beside)).toEqual({ code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' });
    expect(await realm.userNamed(username('hcmc'))).toBeNull();
    expect(await realm.userNamed(username('beside'))).toBeNull();
    expect(await auditRows()).toBe(before);
  });

  it('refuses a role above the caller, of another tier than the unit’s, or a peer administrator', async () => {
    const before = await auditRows();
    const cases: Array<[string, Record<string, unknown>, { code: string; reason: string }]> = [
      [DEMO_USERS.districtAdmin, { unitCode: '74', role: 'province-admin' }, { code: 'FORBIDDEN', reason: 'ROLE_ABOVE_CALLER' }],
      [DEMO_USERS.anLapAdmin, { unitCode: '25801', role: 'district-officer' }, { code: 'FORBIDDEN', reason: 'ROLE_ABOVE_CALLER' }],
      [DEMO_USERS.districtAdmin, { unitCode: '720', role: 'district-admin' }, { code: 'FORBIDDEN', reason: 'OWN_UNIT_ADMIN' }],
      [DEMO_USERS.districtAdmin, { unitCode: '25801', role: 'district-viewer' }, { code: 'BAD_USER_INPUT', reason: 'ROLE_TIER_MISMATCH' }],
      [DEMO_USERS.provinceAdmin, { unitCode: '25801', role: 'national-recorder' }, { code: 'BAD_USER_INPUT', reason: 'ROLE_UNKNOWN' }],
      [DEMO_USERS.districtOfficer, { unitCode: '25801', role: 'commune-viewer' }, { code: 'FORBIDDEN', reason: 'CAPABILITY' }],
      [DEMO_USERS.provinceAdmin, { unitCode: '25801', role: 'commune-viewer', username: 'x' }, { code: 'BAD_USER_INPUT', reason: 'USERNAME_INVALID' }],
      [DEMO_USERS.provinceAdmin, { unitCode: '25801', role: 'commune-viewer', email: 'không-phải-thư' }, { code: 'BAD_USER_INPUT', reason: 'EMAIL_INVALID' }],
      [DEMO_USERS.provinceAdmin, { unitCode: '25801', role: 'commune-viewer', username: 'admin.anlap' }, { code: 'CONFLICT', reason: 'ACCOUNT_EXISTS' }],
    ];
    for (const [by, input, expected] of cases) {
      const response = await invite(by, { username: username('refused'), ...input });
      expect([by, input, refusal(response)]).toEqual([by, input, expected]);
    }
    expect(await realm.userNamed(username('refused'))).toBeNull();
    expect(await auditRows()).toBe(before);
  });
});

describe('managing the accounts of the territory', () => {
  it('disables, enables, resets and changes the role of an account below, each with its audit row and decision', async () => {
    const disabled = await ask<{ disableUser: { enabled: boolean } }>(DEMO_USERS.districtAdmin, DISABLE, { id: anLapAdmin.id, change: change('QĐ-TK/2') });
    expect(disabled.data?.disableUser.enabled).toBe(false);
    const tokenRequest = await fetch(`${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'platform-api', client_secret: infrastructure.keycloakClientSecret, username: anLapAdmin.username, password: NEW_PASSWORD }),
    });
    expect(tokenRequest.status).toBe(400);
    const enabled = await ask<{ enableUser: { enabled: boolean } }>(DEMO_USERS.districtAdmin, ENABLE, { id: anLapAdmin.id, change: change('QĐ-TK/3') });
    expect(enabled.data?.enableUser.enabled).toBe(true);
    const reset = await ask<{ resetCredentials: { temporaryPassword: string; user: { mustChangePassword: boolean } } }>(DEMO_USERS.provinceAdmin, RESET, {
      id: anLapAdmin.id,
      change: change('QĐ-TK/4'),
    });
    expect(reset.data?.resetCredentials.user.mustChangePassword).toBe(true);
    anLapAdmin.password = reset.data!.resetCredentials.temporaryPassword;
    const officer = await ask<{ assignRole: { roles: string[] } }>(DEMO_USERS.districtAdmin, ASSIGN, { id: anLapAdmin.id, role: 'commune-officer', change: change('QĐ-TK/5') });
    expect(officer.errors).toBeUndefined();
    expect(officer.data?.assignRole.roles).toEqual(['commune-officer']);

    const trail = await ask<{ auditTrail: { organization: { entries: Array<{ operation: string; actor: { username: string }; decision: { number: string } }> } } }>(
      DEMO_USERS.provinceAdmin,
      `query { auditTrail(unitCode: "25801", from: "2026-01-01", to: "2100-01-01") { organization { entries { operation actor { username } decision { number } } } } }`,
    );
    expect(trail.errors).toBeUndefined();
    const accountEntries = trail.data!.auditTrail.organization.entries.filter((entry) => entry.decision?.number.startsWith('QĐ-TK/'));
    expect(accountEntries.map((entry) => [entry.operation, entry.actor.username, entry.decision.number]).sort((a, b) => a[2].localeCompare(b[2]))).toEqual([
      ['inviteUser', DEMO_USERS.provinceAdmin, 'QĐ-TK/1'],
      ['disableUser', DEMO_USERS.districtAdmin, 'QĐ-TK/2'],
      ['enableUser', DEMO_USERS.districtAdmin, 'QĐ-TK/3'],
      ['resetCredentials', DEMO_USERS.provinceAdmin, 'QĐ-TK/4'],
      ['assignRole', DEMO_USERS.districtAdmin, 'QĐ-TK/5'],
    ]);
  });

  it('does not let anyone manage an account beside, above or their own: outside the territory it is not found', async () => {
    const before = await auditRows();
    const province = await realm.userNamed(DEMO_USERS.provinceAdmin);
    const city = await realm.userNamed(DEMO_USERS.hcmcAdmin);
    const cases: Array<[string, string, { code: string; reason?: string }]> = [
      [DEMO_USERS.provinceAdmin, province!.id, { code: 'FORBIDDEN', reason: 'ACCOUNT_NOT_MANAGED' }],
      [DEMO_USERS.provinceAdmin, city!.id, { code: 'NOT_FOUND' }],
      [DEMO_USERS.districtAdmin, province!.id, { code: 'NOT_FOUND' }],
      [DEMO_USERS.dinhAnAdmin, anLapAdmin.id, { code: 'NOT_FOUND' }],
      [DEMO_USERS.provinceAdmin, '00000000-0000-0000-0000-000000000000', { code: 'NOT_FOUND' }],
    ];
    for (const [by, id, expected] of cases) {
      const response = await ask(by, DISABLE, { id, change: change('QĐ-TK/9') });
      expect([by, refusal(response)]).toEqual([by, { reason: undefined, ...expected }]);
    }
    expect((await realm.user(province!.id))?.enabled).toBe(true);
    expect(await auditRows()).toBe(before);
  });
});

describe('importing a thousand accounts from a file', () => {
  const DAU_TIENG_COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];
  const HEADER = 'Tên đăng nhập,Họ,Tên,Thư điện tử,Mã đơn vị,Vai trò,Cơ quan';
  const ROLES = ['commune-admin', 'commune-officer', 'commune-viewer'];
  const rowOf = (index: number) => {
    const name = `bulk.${run}.${index}`;
    return `${name},Nguyễn,Văn ${index},${name}@demo.local,${DAU_TIENG_COMMUNES[index % 12]},${ROLES[index % 3]},`;
  };
  const IMPORT = `mutation ($input: ImportUsersInput!) { importUsers(input: $input) { imported rejected rejects { row field code message } accounts { temporaryPassword user { id username unitCode roles } } } }`;
  const base64Parts = (text: string) => Buffer.from(text).toString('base64').match(/.{1,10000}/g) ?? [];
  type ImportAnswer = { importUsers: { imported: number; rejected: number; rejects: Array<{ row: number; field: string; code: string }>; accounts: Array<{ user: { id: string; username: string; unitCode: string; roles: string[] } }> } };
  const importFile = (lines: string[], number: string) =>
    ask<ImportAnswer>(DEMO_USERS.provinceAdmin, IMPORT, { input: { format: 'CSV', contentBase64: base64Parts(`${HEADER}\n${lines.join('\n')}\n`), change: change(number) } });

  const good = Array.from({ length: 997 }, (_, index) => rowOf(index));
  // Three bad rows among them: a ward of another province, a role no one grants, a username repeated.
  const withBad = [...good.slice(0, 100), `bulk.${run}.hcmc,Lê,Thị C,,26734,commune-admin,`, ...good.slice(100, 500),
    `bulk.${run}.recorder,Lê,Văn D,,25789,national-recorder,`, ...good.slice(500), rowOf(7)];

  it('refuses the whole file over three bad rows, naming each, and creates nothing', async () => {
    const before = await auditRows();
    const started = Date.now();
    const response = await importFile(withBad, 'QĐ-TK/20');
    process.stdout.write(`[accounts] 1,000 rows with 3 bad ones checked in ${Date.now() - started} ms\n`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.importUsers).toMatchObject({ imported: 0, rejected: 3, accounts: [] });
    expect(response.data?.importUsers.rejects.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 102, field: 'Mã đơn vị', code: 'OUTSIDE_TERRITORY' },
      { row: 503, field: 'Vai trò', code: 'ROLE_UNKNOWN' },
      { row: 1001, field: 'Tên đăng nhập', code: 'DUPLICATE_IN_FILE' },
      { row: 1001, field: 'Thư điện tử', code: 'DUPLICATE_IN_FILE' },
    ]);
    expect(await realm.userNamed(`bulk.${run}.0`)).toBeNull();
    expect(await auditRows()).toBe(before);
  }, 120_000);

  it('creates all of a clean file under one audit row that every commune’s trail shows', async () => {
    const started = Date.now();
    const response = await importFile(good, 'QĐ-TK/21');
    const elapsed = Date.now() - started;
    expect(response.errors).toBeUndefined();
    const accounts = response.data!.importUsers.accounts;
    created.push(...accounts.map((account) => account.user.id));
    process.stdout.write(`[accounts] 997 accounts created in ${elapsed} ms (${(elapsed / 997).toFixed(1)} ms each)\n`);
    expect(response.data?.importUsers).toMatchObject({ imported: 997, rejected: 0, rejects: [] });
    expect(accounts[8].user).toMatchObject({ username: `bulk.${run}.8`, unitCode: '25801', roles: ['commune-viewer'] });
    const sample = await realm.userNamed(`bulk.${run}.996`);
    expect(sample).toMatchObject({ unitCode: '25777', enabled: true, requiredActions: ['UPDATE_PASSWORD'] });
    expect(await realm.realmRolesOf(sample!.id)).toContain('commune-admin');
    const [row] = await service.dataSource.query("SELECT unit_paths::text[] AS paths, jsonb_array_length(after->'accounts') AS accounts FROM audit_log WHERE operation = 'importUsers'");
    expect(row.accounts).toBe(997);
    expect(row.paths).toHaveLength(12);
  }, 600_000);

  it('reads an Excel workbook too, and refuses what the realm already has', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tài khoản');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([`xlsx.${run}`, 'Phạm', 'Thị E', '', '25789', 'commune-viewer', 'HOME_AFFAIRS']);
    sheet.addRow([`bulk.${run}.1`, 'Phạm', 'Văn F', '', '25789', 'commune-viewer', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64').match(/.{1,10000}/g);
    const refused = await ask<ImportAnswer>(DEMO_USERS.provinceAdmin, IMPORT, { input: { format: 'XLSX', contentBase64: content, change: change('QĐ-TK/22') } });
    expect(refused.data?.importUsers.rejects.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 3, code: 'USERNAME_TAKEN' }]);
    sheet.spliceRows(3, 1);
    const clean = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64').match(/.{1,10000}/g);
    const imported = await ask<ImportAnswer>(DEMO_USERS.provinceAdmin, IMPORT, { input: { format: 'XLSX', contentBase64: clean, change: change('QĐ-TK/22') } });
    created.push(...(imported.data?.importUsers.accounts ?? []).map((account) => account.user.id));
    expect(imported.data?.importUsers).toMatchObject({ imported: 1, accounts: [{ user: { username: `xlsx.${run}`, unitCode: '25789', roles: ['commune-viewer'] } }] });
    expect((await realm.userNamed(`xlsx.${run}`))?.body).toBe('HOME_AFFAIRS');
  });
});

describe('when An Lập is merged away', () => {
  beforeAll(async () => {
    const merged = await ask(DEMO_USERS.provinceAdmin, 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { effectiveDate } }', {
      input: {
        predecessorCodes: ['25801', '25798', '25807'], successorCode: '25807', successorName: 'Xã Thanh An',
        change: { effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính', decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' } },
      },
    });
    expect(merged.errors).toBeUndefined();
  });

  it('flags its accounts for reassignment, with the day it ceased and its successor', async () => {
    const listed = await ask<{ users: Array<{ username: string; needsReassignment: boolean; unitEndedOn: string; successorUnitCode: string }> }>(
      DEMO_USERS.provinceAdmin,
      USERS,
      { unitCode: '25801' },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.users.find((account) => account.username === anLapAdmin.username)).toMatchObject({
      needsReassignment: true, unitEndedOn: '2025-07-01', successorUnitCode: '25807',
    });
    expect(listed.data?.users.every((account) => account.needsReassignment)).toBe(true);
  });

  it('creates no account there, enables none there, and moves one to the successor', async () => {
    const invited = await invite(DEMO_USERS.provinceAdmin, { username: username('late'), unitCode: '25801', role: 'commune-viewer' });
    expect(refusal(invited).code).toBe('NOT_IN_FORCE');
    await ask(DEMO_USERS.provinceAdmin, DISABLE, { id: anLapAdmin.id, change: change('QĐ-TK/6') });
    const enabled = await ask(DEMO_USERS.provinceAdmin, ENABLE, { id: anLapAdmin.id, change: change('QĐ-TK/7') });
    expect(refusal(enabled)).toEqual({ code: 'ACCOUNT_UNIT_CEASED', reason: undefined });

    const moved = await ask<{ assignRole: Record<string, unknown> }>(DEMO_USERS.provinceAdmin, ASSIGN, {
      id: anLapAdmin.id, role: 'commune-admin', unitCode: '25807', change: change('QĐ-TK/8'),
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.assignRole).toMatchObject({ unitCode: '25807', unitName: 'Xã Thanh An', roles: ['commune-admin'], needsReassignment: false });
    const [row] = await service.dataSource.query("SELECT unit_paths::text[] AS paths, before->>'unitCode' AS was, after->>'unitCode' AS now FROM audit_log WHERE operation = 'assignRole' ORDER BY id DESC LIMIT 1");
    expect(row).toEqual({ paths: ['74.720.25801', '74.720.25807'], was: '25801', now: '25807' });
  });
});
