import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.type';
import { Organization } from '../territory/organization.type';
import { ReformTask } from './task.entity';

@Resolver(() => ReformTask)
export class TaskAssigneesResolver {
  /**
   * References the organization service resolves through the gateway. Items are nullable: it
   * answers an organization as of today, so one closed since (a commune's People's Committee
   * after 1 July 2025) answers null where the task still names it.
   */
  @FieldResolver(() => [Organization], {
    nullable: 'items',
    description: 'Tổ chức được giao, do dịch vụ tổ chức trả lời như hôm nay (null khi đã giải thể) / the organizations assigned, as the organization service answers them today (null once closed)',
  })
  organizations(@Root() task: ReformTask): Organization[] {
    return task.organizationIds.map((id) => ({ id }));
  }

  /** A reference personnel resolves as of today inside the caller's territory: null there when it does not. */
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Người chịu trách nhiệm, do dịch vụ nhân sự trả lời như hôm nay (null ngoài địa bàn) / the owner, as the personnel service answers them today (null outside your territory)',
  })
  owner(@Root() task: ReformTask): Person {
    return { id: task.ownerPersonId };
  }
}
