import { NotFoundError, NotInForceError } from '@ps/errors';

/** The id names no organization the projection knows (of the kinds asked for). */
export class OrganizationNotFoundError extends NotFoundError {
  constructor(id: string, partyOnly: boolean) {
    const [vi, en, reason] = partyOnly
      ? ['tổ chức Đảng', 'Party organization', 'PARTY_ORGANIZATION_NOT_FOUND']
      : ['tổ chức', 'organization', 'ORGANIZATION_NOT_FOUND'];
    super(`Không có ${vi} ${id}`, `No ${en} ${id}`, { reason, id });
  }
}

export class OrganizationNotInForceError extends NotInForceError {
  constructor(name: string, date: string, period: { startsOn: string; endedOn: string | null }) {
    super(`${name} không có hiệu lực vào ngày ${date}`, `${name} was not in force on ${date}`, { ...period, date });
  }
}
