import { LocalDate } from '@ps/effective-dating';
import { Arg, Query, Resolver } from 'type-graphql';
import { DownsizingTrigger } from './downsizing-trigger.entity';
import type { DownsizingTriggerService } from './downsizing-trigger.service';

@Resolver(() => DownsizingTrigger)
export class DownsizingTriggerResolver {
  constructor(private readonly triggers: DownsizingTriggerService) {}

  @Query(() => [DownsizingTrigger], {
    description: 'Căn cứ tinh giản theo xếp loại có hiệu lực vào ngày asOf (bỏ trống: tất cả) / rating-based downsizing grounds in force on asOf (omitted: all)',
  })
  downsizingTriggers(@Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null) {
    return this.triggers.list(asOf ?? null);
  }
}
