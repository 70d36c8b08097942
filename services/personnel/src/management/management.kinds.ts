import { MANAGEMENT_BODIES, type ManagementBody } from '@ps/auth';
import { registerEnumType } from 'type-graphql';

/**
 * What a management rule is about: a personnel category today (cán bộ, công chức, …), a title
 * (chức danh) once titles are recorded. Rules of both kinds live in one table.
 */
export enum SubjectKind {
  CATEGORY = 'CATEGORY',
  TITLE = 'TITLE',
}

registerEnumType(SubjectKind, {
  name: 'ManagementSubjectKind',
  description: 'Quy tắc theo loại cán bộ hay theo chức danh / a rule about a personnel category or a title',
});

/** The advisory bodies of the Principal, as a GraphQL enum. */
export const ManagementBodyEnum = Object.fromEntries(MANAGEMENT_BODIES.map((body) => [body, body])) as { [B in ManagementBody]: B };

registerEnumType(ManagementBodyEnum, {
  name: 'ManagementBody',
  description: 'Cơ quan tham mưu quản lý cán bộ / the body that manages a group of people',
  valuesConfig: {
    ORGANIZATION_BOARD: { description: 'Ban Tổ chức của cấp ủy / the Party committee’s organization board' },
    HOME_AFFAIRS: { description: 'Phòng / Sở Nội vụ của chính quyền / the government’s home-affairs office' },
  },
});
