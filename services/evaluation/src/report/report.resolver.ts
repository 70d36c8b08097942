import { asOfDate, AS_OF_ARGUMENT, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import type { RatingReportService } from './report.service';
import { RatingReport, RatingTrendYear, ReportFile } from './report.types';
import { ratingReportWorkbook } from './report.workbook';

type Context = RequestContext<object>;

const SUBJECT = { nullable: true, description: 'Chỉ đối tượng này (mặc định: mọi đối tượng) / one subject only (default: all)' } as const;

@Resolver()
export class RatingReportResolver {
  constructor(private readonly reports: RatingReportService) {}

  @Query(() => RatingReport, {
    description:
      'Báo cáo kết quả đánh giá, xếp loại chất lượng năm của đơn vị: theo đơn vị trực thuộc, tổ chức, người đứng đầu / a unit’s rating report of a year: per unit below it, per organization, per head',
  })
  ratingReport(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Arg('subject', () => RuleSubject, SUBJECT) subject: RuleSubject | null,
    @Ctx() { principal }: Context,
  ) {
    return this.reports.report(principal, { unitCode, year, asOf: asOfDate(asOf), subject: subject ?? null });
  }

  @Query(() => [RatingTrendYear], { description: 'Kết quả xếp loại của đơn vị qua các năm / a unit’s ratings year by year' })
  ratingTrend(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Arg('subject', () => RuleSubject, SUBJECT) subject: RuleSubject | null,
    @Ctx() { principal }: Context,
  ) {
    return this.reports.trend(principal, { unitCode, fromYear, toYear, asOf: asOfDate(asOf), subject: subject ?? null });
  }

  @Query(() => ReportFile, {
    description: 'Biểu tổng hợp kết quả xếp loại (Excel) của đơn vị / the unit’s official rating tables as an Excel workbook',
  })
  async ratingReportWorkbook(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Arg('subject', () => RuleSubject, SUBJECT) subject: RuleSubject | null,
    @Ctx() { principal }: Context,
  ) {
    return ratingReportWorkbook(await this.reports.report(principal, { unitCode, year, asOf: asOfDate(asOf), subject: subject ?? null }));
  }
}
