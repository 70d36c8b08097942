import type { Fixture } from './audit.fixtures';

/** What the account fixtures take from the audit spec's others: the ids later calls need, Thanh An and the city's administrator. */
export interface AccountFixtureContext {
  ids: Record<string, string>;
  thanhAn: string;
  city: string;
}

/**
 * Account administration (organization service, accounts in the real realm): the city's administrator
 * appoints a viewer for Thanh An, then changes, disables, enables and resets it, imports
 * one more from a file, and registers and revokes a client app for the commune. The username is new
 * on every run, as the realm outlives the test databases.
 */
export function accountFixtures({ ids, thanhAn, city }: AccountFixtureContext): Array<[string, Fixture]> {
  const username = `audit.thanhan.${Date.now().toString(36)}`;
  const change = (number: string) => ({ reason: 'Phân công quản trị hệ thống', decision: { number, date: '2026-11-20', signer: 'Chủ tịch UBND Thành phố' } });
  const account = (operation: string, number: string): Fixture => ({
    service: 'organization', user: city, unitCode: thanhAn, creates: false,
    query: `mutation ($id: ID!, $change: AccountChangeInput!) { ${operation}(userId: $id, change: $change) { ${operation === 'resetCredentials' ? 'user { id }' : 'id'} } }`,
    variables: () => ({ id: ids.account, change: change(number) }),
  });
  return [
    ['inviteUser', { service: 'organization', user: city, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: InviteUserInput!, $change: AccountChangeInput!) { inviteUser(input: $input, change: $change) { user { id } } }',
      variables: () => ({ input: { username, firstName: 'Thị B', lastName: 'Trần', unitCode: thanhAn, role: 'commune-viewer' }, change: change('70/QĐ-UBND') }),
      keep: (data) => void (ids.account = (data.inviteUser as { user: { id: string } }).user.id) }],
    ['assignRole', { service: 'organization', user: city, unitCode: thanhAn, creates: false,
      query: 'mutation ($id: ID!, $change: AccountChangeInput!) { assignRole(userId: $id, role: "commune-officer", change: $change) { id } }',
      variables: () => ({ id: ids.account, change: change('71/QĐ-UBND') }) }],
    ['disableUser', account('disableUser', '72/QĐ-UBND')],
    ['enableUser', account('enableUser', '73/QĐ-UBND')],
    ['resetCredentials', account('resetCredentials', '74/QĐ-UBND')],
    ['importUsers', { service: 'organization', user: city, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: ImportUsersInput!) { importUsers(input: $input) { imported rejects { code } } }',
      variables: () => ({ input: { format: 'CSV', change: change('75/QĐ-UBND'), contentBase64: [Buffer.from(
        `Tên đăng nhập,Họ,Tên,Thư điện tử,Mã đơn vị,Vai trò,Cơ quan\n${username}.2,Lê,Văn C,,${thanhAn},commune-viewer,\n`).toString('base64')] } }) }],
    ['registerClientApp', { service: 'organization', user: city, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: RegisterClientAppInput!, $change: AccountChangeInput!) { registerClientApp(input: $input, change: $change) { app { clientId } } }',
      variables: () => ({ input: { unitCode: thanhAn, name: 'Cổng thông tin xã Thanh An' }, change: change('76/QĐ-UBND') }),
      keep: (data) => void (ids.app = (data.registerClientApp as { app: { clientId: string } }).app.clientId) }],
    ['revokeClientApp', { service: 'organization', user: city, unitCode: thanhAn, creates: false,
      query: 'mutation ($id: ID!, $change: AccountChangeInput!) { revokeClientApp(clientId: $id, change: $change) { enabled } }',
      variables: () => ({ id: ids.app, change: change('77/QĐ-UBND') }) }],
  ];
}
