import { inForceOn } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { DownsizingTrigger } from './downsizing-trigger.entity';

/** Reads the rating-based downsizing grounds; they are national rule data, the same for every caller. */
export class DownsizingTriggerService {
  constructor(private readonly dataSource: DataSource) {}

  /** The grounds in force on `asOf`, or every ground of every period without it. */
  list(asOf: string | null): Promise<DownsizingTrigger[]> {
    const query = this.dataSource.getRepository(DownsizingTrigger).createQueryBuilder('rule').orderBy('rule.valid_from').addOrderBy('rule.code');
    return (asOf ? query.where(inForceOn('rule', ':asOf'), { asOf }) : query).getMany();
  }
}
