import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { IndicatorTotal, ProgressTotals } from './progress.rollup';

@ObjectType({ description: 'Chỉ tiêu cộng dồn theo tên và đơn vị tính / an indicator summed by name and measure' })
export class IndicatorRollUp implements IndicatorTotal {
  @Field({ description: 'Tên chỉ tiêu / indicator' })
  name!: string;

  @Field({ description: 'Đơn vị tính / measured in' })
  measure!: string;

  @Field(() => Int, { description: 'Số kế hoạch có chỉ tiêu này / plans with this indicator' })
  plans!: number;

  @Field(() => Int, { description: 'Số kế hoạch đã báo cáo kết quả / plans that reported an actual' })
  reporting!: number;

  @Field(() => Float, { description: 'Tổng mục tiêu / total target' })
  target!: number;

  @Field(() => Float, { description: 'Tổng kết quả (kỳ gần nhất) / total actual (latest periods)' })
  actual!: number;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ đạt (%) / achieved, percent of target' })
  achievedPercent!: number | null;
}

/** The roll-up of plans, tasks and indicators under a unit or an organization on a date. */
@ObjectType({ description: 'Tiến độ thực hiện kế hoạch cải cách, cộng dồn theo cấp / reform progress rolled up by tier' })
export class ReformProgress implements ProgressTotals {
  @Field(() => ID, { description: 'Đơn vị hoặc tổ chức / unit code or organization id' })
  key!: string;

  @Field(() => LocalDate, { description: 'Ngày tra cứu / as of' })
  asOf!: string;

  @Field(() => Int, { description: 'Số kế hoạch / plans' })
  plans!: number;

  @Field(() => Int, { description: 'Số nhiệm vụ / tasks' })
  tasks!: number;

  @Field(() => Int, { description: 'Nhiệm vụ hoàn thành / completed' })
  completedTasks!: number;

  @Field(() => Int, { description: 'Nhiệm vụ quá hạn / overdue' })
  overdueTasks!: number;

  @Field(() => Int, { description: 'Nhiệm vụ đang thực hiện, trong hạn / in progress, in time' })
  inProgressTasks!: number;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ hoàn thành bình quân (%) / mean completion' })
  averageCompletion!: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ nhiệm vụ hoàn thành (%) / share of tasks completed' })
  completionRate!: number | null;

  @Field(() => [IndicatorRollUp], { description: 'Chỉ tiêu / indicators' })
  indicators!: IndicatorRollUp[];
}
