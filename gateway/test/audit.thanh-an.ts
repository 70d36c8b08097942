import { eventually, graphqlRequest, queryDatabase, tokenFor } from '@ps/testing';
import { city, commune, ids, local, THANH_AN } from './audit.fixtures';
import { databaseOf, gatewayUrl } from './platform';

/**
 * What the fixtures act on besides the seeded territory: a second organization of Thanh An (for
 * quota moves and closing), the city's own quota, and the ids of Thanh An's grassroots Party
 * organizations and People's Committee once personnel has projected them. Runs once the platform
 * is up and every service has projected the territory.
 */
export async function prepareThanhAn(): Promise<void> {
  // A second organization of Thanh An for quota moves and closing (its own audit row is checked like the others).
  const culture = await graphqlRequest<{ createOrganization: { id: string } }>(
    gatewayUrl,
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { token: await tokenFor(commune), variables: { input: { unitCode: THANH_AN, kind: 'DEPARTMENT', name: 'Phòng Văn hóa - Xã hội', change: local('0/QĐ-UBND', '2026-02-01') } } },
  );
  expect(culture.errors).toBeUndefined();
  ids.culture = culture.data!.createOrganization.id;
  // The city's own staffing quota, from which it allocates to its communes.
  const quota = await graphqlRequest(gatewayUrl, 'mutation ($change: EffectiveChangeInput!) { setUnitQuota(unitCode: "79", amount: 90000, change: $change) { amount } }', {
    token: await tokenFor(city),
    variables: { change: local('0/QĐ-TTg', '2026-01-01') },
  });
  expect(quota.errors).toBeUndefined();
  // Thanh An's grassroots Party organizations (the Dầu Tiếng story's), once personnel has projected them.
  const party = (await queryDatabase<{ id: string }>(
    databaseOf('organization'),
    "SELECT DISTINCT id::text FROM organization WHERE unit_code = $1 AND kind = 'PARTY_GRASSROOTS' AND valid_to IS NULL ORDER BY id",
    [THANH_AN],
  )).map((row) => row.id).slice(0, 2);
  [ids.party, ids.otherParty] = party;
  expect(party).toHaveLength(2);
  // Its People's Committee, which assignments are to.
  [{ id: ids.committee }] = await queryDatabase<{ id: string }>(
    databaseOf('organization'), "SELECT id::text FROM organization WHERE unit_code = $1 AND kind = 'PEOPLES_COMMITTEE' AND valid_to IS NULL", [THANH_AN],
  );
  const organizations = [...party, ids.committee];
  await eventually(async () => {
    const [projected] = await queryDatabase<{ n: number }>(
      databaseOf('personnel'), 'SELECT count(DISTINCT id)::int AS n FROM organization WHERE id = ANY($1::uuid[]) AND valid_to IS NULL', [organizations],
    );
    return projected.n === organizations.length ? true : undefined;
  }, { what: 'personnel projected Thanh An’s Party organizations and People’s Committee', timeoutMs: 180_000 });
}
